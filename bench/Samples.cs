namespace ConcurrencyLab.Bench;

/// <summary>Repeated measurements of one quantity, in microseconds.</summary>
internal sealed class Samples
{
    private readonly List<double> _values = [];

    public int Count => _values.Count;

    public double Median => Percentile(0.5);

    public double P90 => Percentile(0.9);

    public double Mean => _values.Count == 0 ? double.NaN : _values.Average();

    public void Add(double micros) => _values.Add(micros);

    public void Add(TimeSpan elapsed) => Add(elapsed.TotalMicroseconds);

    /// <summary>Linear interpolation between the closest ranks, so a median of an even count is the mean of the middle two.</summary>
    private double Percentile(double p)
    {
        if (_values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _values.Order().ToArray();
        var position = p * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
