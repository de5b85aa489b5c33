namespace ConcurrencyLab.Bench;

/// <summary>The figures of one benchmark: a table, what the columns mean, and the targets it checks.</summary>
internal sealed record Section(string Title, Table Table, string Notes, IReadOnlyList<TargetCheck> Targets);
