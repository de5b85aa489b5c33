namespace ConcurrencyLab.Portal.Hubs;

/// <summary>
/// Calls the server makes on browsers. Run events travel as a stream the browser asks for (see
/// <see cref="RunHub.Watch"/>), so each browser reads at its own pace from its own cursor.
/// </summary>
public interface IRunClient;
