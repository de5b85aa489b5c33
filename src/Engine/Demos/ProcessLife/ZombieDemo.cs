using System.Collections;
using System.Runtime.InteropServices;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.ProcessLife;

/// <summary>
/// A real zombie. A child process starts a short-lived program (<c>/bin/sleep</c>) and does not wait for
/// it. When that grandchild exits, the kernel keeps its entry, state Z in /proc, until its parent collects
/// the exit status with waitpid. Only then is it gone.
/// </summary>
public sealed partial class ZombieDemo : IProcessDemo
{
    private const string ParentRole = "parent";

    /// <summary>How long the grandchild lives.</summary>
    private const string Lifetime = "0.3";

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "zombie",
        new("A real zombie process", "一个真正的僵尸进程"),
        new(
            "P1's console: the grandchild goes from S (sleeping) to Z (zombie) and stays Z, although it has exited, until P1 calls waitpid; then it is gone.",
            "看 P1 的输出：孙进程从 S（睡眠）变成 Z（僵尸），明明已经退出却一直是 Z；直到 P1 调用 waitpid，它才彻底消失。"),
        [
            new("hold", new("Time left unreaped", "不回收的时长"), 200, 5000, 1000, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var main = context.Main;
        main.Print($"portal process: pid {Environment.ProcessId}");
        var parent = context.StartProcess("P1", ParentRole);
        var code = parent.WaitForExit(main);
        main.Print($"P1 (pid {parent.Pid}) exited with code {code}");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> RunChildAsync(DemoContext context, string role, IReadOnlyList<string> arguments)
    {
        var main = context.Main;

        // posix_spawn rather than System.Diagnostics.Process: .NET's Process class reaps the children it
        // starts by itself (its SIGCHLD handler calls waitpid), so no zombie would ever stay visible.
        var pid = Spawn("/bin/sleep", Lifetime);
        main.Mark($"spawned pid {pid}");
        Console.WriteLine($"P1 (pid {Environment.ProcessId}) started grandchild pid {pid}: /bin/sleep {Lifetime}, and does not wait for it");

        // Watch the grandchild's line in /proc until it has exited; print each state it shows.
        main.Enter(LaneState.Waiting, $"pid {pid} to exit");
        string? state, last = "";
        while (true)
        {
            state = StateOf(pid);
            if (state != last)
            {
                Console.WriteLine($"grandchild pid {pid}: state {Describe(state)}");
                last = state;
            }

            if (state is "Z" or null || context.Cancellation.WaitHandle.WaitOne(10))
            {
                break;
            }
        }

        context.Cancellation.ThrowIfCancellationRequested();
        main.Enter(LaneState.Running);
        main.Mark($"pid {pid} is a zombie");

        // It has exited, yet it is still in the process table, holding its pid and exit status for us.
        main.Sleep(TimeSpan.FromMilliseconds(context.Parameters["hold"]));
        Console.WriteLine($"grandchild pid {pid}: after {context.Parameters["hold"]} ms still state {Describe(StateOf(pid))}");

        main.Enter(LaneState.Waiting, $"waitpid {pid}");
        var reaped = WaitPid(pid, out var status, 0);
        main.Enter(LaneState.Running);
        main.Mark($"reaped pid {pid}");
        Console.WriteLine($"waitpid({pid}) returned {reaped}: exit code {(status >> 8) & 0xff}");
        Console.WriteLine($"grandchild pid {pid}: {(StateOf(pid) is { } after ? "state " + Describe(after) : "gone from /proc")}");
        return Task.FromResult(0);
    }

    /// <summary>The state letter in /proc/&lt;pid&gt;/stat (R, S, Z…), or null once the pid is gone.</summary>
    private static string? StateOf(int pid)
    {
        try
        {
            // "1234 (sleep) S 1200 …": the name may contain spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }
    }

    private static string Describe(string? state) => state switch
    {
        "R" => "R (running)",
        "S" => "S (sleeping)",
        "Z" => "Z (zombie: exited, not yet reaped)",
        null => "gone",
        _ => state,
    };

    /// <summary>Starts a program with posix_spawn and returns its pid. The grandchild keeps this process's environment.</summary>
    private static int Spawn(string program, params string[] arguments)
    {
        var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(e => $"{e.Key}={e.Value}");
        var argv = Strings([program, .. arguments]);
        var envp = Strings(environment);
        try
        {
            var error = PosixSpawn(out var pid, program, 0, 0, argv, envp);
            return error == 0 ? pid : throw new InvalidOperationException($"posix_spawn {program} failed: error {error}");
        }
        finally
        {
            Array.ForEach(argv, Marshal.FreeCoTaskMem);
            Array.ForEach(envp, Marshal.FreeCoTaskMem);
        }
    }

    /// <summary>A C array of C strings, ending with a null pointer.</summary>
    private static nint[] Strings(IEnumerable<string> values) => [.. values.Select(Marshal.StringToCoTaskMemUTF8), 0];

    [LibraryImport("libc", EntryPoint = "posix_spawn", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PosixSpawn(out int pid, string path, nint fileActions, nint attributes, nint[] argv, nint[] envp);

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    private static partial int WaitPid(int pid, out int status, int options);
}
