using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ConcurrencyLab.Engine.Workers;

/// <summary>
/// A warm worker's <see cref="WorkerProtocol.RunVariable"/>, rewritten in place when it joins a run. The kernel
/// shows /proc/&lt;pid&gt;/environ straight from the environment block the process was started with, and
/// setenv never touches that block; so the worker overwrites the value there (the pool starts it with a
/// placeholder at least as long as a run token, and the rest is filled with NULs, which read as empty entries),
/// and the reaper sees it belong to the run exactly as it sees a cold worker.
/// </summary>
internal sealed class RunMarker
{
    private const int EnvStartField = 50; // man 5 proc: /proc/pid/stat field 50 is env_start
    private readonly nint _value;
    private readonly int _capacity;

    private RunMarker(nint value, int capacity)
    {
        _value = value;
        _capacity = capacity;
    }

    /// <summary>Finds the marker's value in this process's environment block and checks it reads back from there.</summary>
    /// <exception cref="InvalidOperationException">When the block or the marker cannot be found.</exception>
    public static RunMarker Find()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ", fields[0] is field 3
        var start = long.Parse(fields[EnvStartField - 3], NumberStyles.None, CultureInfo.InvariantCulture);
        var block = File.ReadAllBytes("/proc/self/environ");
        var prefix = Encoding.ASCII.GetBytes(WorkerProtocol.RunVariable + "=");
        for (var entry = 0; start > 0 && entry < block.Length;)
        {
            var end = Array.IndexOf(block, (byte)0, entry) is var nul and >= 0 ? nul : block.Length;
            if (block.AsSpan(entry, end - entry).StartsWith(prefix))
            {
                var value = entry + prefix.Length;
                var marker = new RunMarker((nint)(start + value), end - value);
                var inMemory = new byte[marker._capacity];
                Marshal.Copy(marker._value, inMemory, 0, inMemory.Length);
                return inMemory.AsSpan().SequenceEqual(block.AsSpan(value, marker._capacity))
                    ? marker
                    : throw new InvalidOperationException("The environment block is not where /proc/self/stat says.");
            }

            entry = end + 1;
        }

        throw new InvalidOperationException($"{WorkerProtocol.RunVariable} is not in the environment block.");
    }

    /// <summary>Marks this process (and, through the environment, what it starts from now on) as part of the run.</summary>
    /// <exception cref="ArgumentException">When the token is longer than the placeholder.</exception>
    public void Write(string token)
    {
        var value = new byte[_capacity];
        if (Encoding.ASCII.GetByteCount(token) > _capacity)
        {
            throw new ArgumentException($"The run token is longer than the worker's placeholder ({_capacity} bytes).", nameof(token));
        }

        Encoding.ASCII.GetBytes(token, value);
        Marshal.Copy(value, 0, _value, value.Length);
        Environment.SetEnvironmentVariable(WorkerProtocol.RunVariable, token);
    }
}
