namespace ConcurrencyLab.Portal.Testing;

/// <summary>The hub completed an invocation or stream with an error message.</summary>
public sealed class HubErrorException(string message) : Exception(message);
