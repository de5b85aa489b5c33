using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Workers;

/// <summary>
/// What a worker process is told to do: its command line after the worker assembly (or, for a warm worker, what
/// it reads on its stdin). <see cref="ToArguments"/> and <see cref="Parse"/> are the two ends of that format.
/// </summary>
internal sealed record WorkerOrders(
    string Demo,
    string Role,
    string Socket,
    string Token,
    long Origin,
    int OwnerPid,
    int OwnerLane,
    bool NewGroup,
    bool SurviveParent,
    RunLimits Limits,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<string> Arguments)
{
    /// <exception cref="FormatException">When an option is missing or malformed.</exception>
    public static WorkerOrders Parse(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        for (; i < args.Count && args[i] != WorkerProtocol.EndOfOptions; i++)
        {
            var name = args[i];
            if (name is WorkerProtocol.NewGroup or WorkerProtocol.SurviveParent)
            {
                flags.Add(name);
            }
            else if (i + 1 >= args.Count)
            {
                throw new FormatException($"Option {name} has no value.");
            }
            else if (name == WorkerProtocol.Parameter)
            {
                var pair = args[++i].Split('=', 2);
                parameters[pair[0]] = pair.Length > 1 ? pair[1] : "";
            }
            else
            {
                options[name] = args[++i];
            }
        }

        string Text(string name) => options.TryGetValue(name, out var value) ? value : throw new FormatException($"Option {name} is missing.");
        long Number(string name) => long.Parse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture);
        var limits = new RunLimits
        {
            WallTime = TimeSpan.FromMilliseconds(Number(WorkerProtocol.WallTime)),
            MaxOutputBytes = (int)Number(WorkerProtocol.OutputBytes),
            MaxProcesses = (int)Number(WorkerProtocol.MaxProcesses),
            MaxThreads = (int)Number(WorkerProtocol.MaxThreads),
            MaxEvents = (int)Number(WorkerProtocol.MaxEvents),
            WorkerMemoryBytes = Number(WorkerProtocol.Memory),
        };
        return new WorkerOrders(
            Text(WorkerProtocol.Demo), Text(WorkerProtocol.Role), Text(WorkerProtocol.Socket), Text(WorkerProtocol.Token),
            Number(WorkerProtocol.Origin), (int)Number(WorkerProtocol.OwnerPid), (int)Number(WorkerProtocol.OwnerLane),
            flags.Contains(WorkerProtocol.NewGroup), flags.Contains(WorkerProtocol.SurviveParent),
            limits, parameters, [.. args.Skip(i + 1)]);
    }

    /// <summary>The orders as arguments, parsed back by <see cref="Parse"/>.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
        List<string> arguments =
        [
            WorkerProtocol.Demo, Demo,
            WorkerProtocol.Role, Role,
            WorkerProtocol.Socket, Socket,
            WorkerProtocol.Token, Token,
            WorkerProtocol.Origin, Number(Origin),
            WorkerProtocol.OwnerPid, Number(OwnerPid),
            WorkerProtocol.OwnerLane, Number(OwnerLane),
            WorkerProtocol.WallTime, Number((long)Limits.WallTime.TotalMilliseconds),
            WorkerProtocol.OutputBytes, Number(Limits.MaxOutputBytes),
            WorkerProtocol.MaxProcesses, Number(Limits.MaxProcesses),
            WorkerProtocol.MaxThreads, Number(Limits.MaxThreads),
            WorkerProtocol.MaxEvents, Number(Limits.MaxEvents),
            WorkerProtocol.Memory, Number(Limits.WorkerMemoryBytes),
        ];
        if (NewGroup)
        {
            arguments.Add(WorkerProtocol.NewGroup);
        }

        if (SurviveParent)
        {
            arguments.Add(WorkerProtocol.SurviveParent);
        }

        foreach (var (name, value) in Parameters)
        {
            arguments.AddRange([WorkerProtocol.Parameter, $"{name}={value}"]);
        }

        return [.. arguments, WorkerProtocol.EndOfOptions, .. Arguments];
    }

    /// <summary>
    /// Orders for a warm worker's stdin: a 4-byte little-endian length, then the arguments, UTF-8, each ended
    /// by NUL (which no command-line argument can hold either). The length lets the worker read exactly its
    /// orders and not a byte of what the demo writes to its stdin next.
    /// </summary>
    public static byte[] Encode(IEnumerable<string> arguments)
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(arguments.Select(a => a + "\0")));
        var framed = new byte[sizeof(int) + text.Length];
        BinaryPrimitives.WriteInt32LittleEndian(framed, text.Length);
        text.CopyTo(framed, sizeof(int));
        return framed;
    }

    /// <summary>Reads orders written by <see cref="Encode"/>; null when the input ends first (the pool let the worker go).</summary>
    /// <exception cref="FormatException">When the orders are malformed.</exception>
    public static WorkerOrders? Read(Stream input)
    {
        var length = new byte[sizeof(int)];
        if (input.ReadAtLeast(length, length.Length, throwOnEndOfStream: false) < length.Length)
        {
            return null;
        }

        var text = new byte[BinaryPrimitives.ReadInt32LittleEndian(length)];
        input.ReadExactly(text);
        return Parse(Encoding.UTF8.GetString(text).Split('\0')[..^1]);
    }
}
