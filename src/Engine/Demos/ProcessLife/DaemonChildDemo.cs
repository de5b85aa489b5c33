using System.Diagnostics;
using System.Globalization;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.ProcessLife;

/// <summary>
/// Daemon children end with their parent. P1 starts a child with a long job, works a little itself and
/// ends. A daemon child is cut off mid-job, whether P1 returns normally (the worker program then ends its
/// children, as Python's multiprocessing does at exit) or is killed outright (the kernel ends the child:
/// every worker asked for that with PR_SET_PDEATHSIG). A joined child is waited for and finishes.
/// </summary>
public sealed class DaemonChildDemo : IProcessDemo
{
    private const string ParentRole = "parent";
    private const string DaemonRole = "daemon";
    private const string Started = "daemon-pid";
    private const int Steps = 30;
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "daemon-child",
        new("Daemon children end with their parent", "守护子进程随父进程一起结束"),
        new(
            "P1 ends early; its daemon child D stops counting at the same moment, long before step 30. A joined child counts to the end first.",
            "P1 提前结束；守护子进程 D 也在同一时刻停下，远没数到 30。换成“等待子进程”，D 会先数完。"),
        [
            DemoParameter.Choice("child", new("Child", "子进程"),
            [
                new DemoChoice("daemon", new("Daemon: ends with its parent", "守护进程：随父进程结束")),
                new DemoChoice("joined", new("Joined: the parent waits for it", "等待：父进程等它做完")),
            ]),
            DemoParameter.Choice("end", new("How the parent ends", "父进程怎样结束"),
            [
                new DemoChoice("return", new("Its code returns", "代码正常返回")),
                new DemoChoice("killed", new("Killed (SIGKILL)", "被杀死（SIGKILL）")),
            ]),
            new("work", new("Parent's own work", "父进程自己的工作"), 200, 2000, 800, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var main = context.Main;
        var folder = Handoff.NewFolder("daemon");
        try
        {
            var parent = context.StartProcess("P1", ParentRole, [folder]);
            var code = parent.WaitForExit(main);
            var parentEnded = Stopwatch.StartNew();
            main.Print($"P1 (pid {parent.Pid}) ended with code {code}");

            // D's own lane can't say when it ended: the process watching it was P1. Look in /proc instead.
            var daemon = int.Parse(Handoff.WaitFor(main, folder, Started, context.Cancellation), CultureInfo.InvariantCulture);
            main.Enter(Events.LaneState.Waiting, $"pid {daemon} to end");
            while (IsRunning(daemon) && !context.Cancellation.WaitHandle.WaitOne(2))
            {
            }

            main.Enter(Events.LaneState.Running);
            context.Cancellation.ThrowIfCancellationRequested();
            main.Mark($"D (pid {daemon}) ended");
            main.Print($"D (pid {daemon}) was gone {parentEnded.Elapsed.TotalMilliseconds:F0} ms after P1's end was seen");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> RunChildAsync(DemoContext context, string role, IReadOnlyList<string> arguments)
    {
        var main = context.Main;
        var folder = arguments[0];
        return Task.FromResult(role == ParentRole ? RunParent(context, main, folder) : RunDaemon(context, main, folder));
    }

    private static int RunParent(DemoContext context, Lane main, string folder)
    {
        var joined = context.Parameters.Choice("child") == "joined";

        // An ordinary child of a worker dies with its parent: that is what a daemon is.
        var child = context.StartProcess("D", DaemonRole, [folder]);
        Handoff.WaitFor(main, folder, Started, context.Cancellation);
        Console.WriteLine($"P1 (pid {Environment.ProcessId}): D (pid {child.Pid}) is working; now my own work");
        main.Sleep(TimeSpan.FromMilliseconds(context.Parameters["work"]));
        if (joined)
        {
            Console.WriteLine("P1: my work is done; waiting for D (join)");
            child.WaitForExit(main);
        }

        if (context.Parameters.Choice("end") == "killed")
        {
            Console.WriteLine("P1: killed now, with no chance to clean up");
            main.Mark("SIGKILL");
            Process.GetCurrentProcess().Kill();
        }

        Console.WriteLine("P1: returning");
        return 0;
    }

    private static int RunDaemon(DemoContext context, Lane main, string folder)
    {
        Handoff.Write(folder, Started, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

        // Print through the run's event socket, not stdout: stdout is a pipe to P1, and the last lines
        // in it would be lost with P1.
        for (var step = 1; step <= Steps; step++)
        {
            main.Sleep(Step);
            main.Print($"D: step {step}/{Steps}");
        }

        main.Print("D: all steps done");
        return 0;
    }

    /// <summary>Alive in /proc, and not a zombie (a dead process whose new parent hasn't collected it yet).</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
