using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.ProcessLife;

/// <summary>
/// An orphan. P1 starts a grandchild that is allowed to outlive it, waits until the grandchild has seen
/// P1 as its parent, and exits. The grandchild keeps running; the kernel gives it a new parent (pid 1, or
/// the nearest "subreaper" ancestor), and getppid() now returns that one.
/// </summary>
public sealed class OrphanDemo : IProcessDemo
{
    private const string ParentRole = "parent";
    private const string GrandchildRole = "grandchild";
    private const string Before = "ppid-before";
    private const string After = "ppid-after";

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "orphan",
        new("An orphan gets a new parent", "孤儿进程被“领养”"),
        new(
            "P1 ends early while its child P1.1 keeps running; P1.1 prints its parent pid before and after, and the number changes.",
            "P1 先结束了，它的子进程 P1.1 还在运行；P1.1 在前后两次打印父进程 PID，数字变了。"),
        []);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var main = context.Main;
        var folder = Handoff.NewFolder("orphan");
        try
        {
            var parent = context.StartProcess("P1", ParentRole, [folder]);
            parent.WaitForExit(main);
            main.Print($"P1 (pid {parent.Pid}) has exited; its child lives on");

            var before = Handoff.WaitFor(main, folder, Before, context.Cancellation);
            var after = Handoff.WaitFor(main, folder, After, context.Cancellation);
            main.Print($"the orphan's parent pid: {before} before, {after} after (that is '{NameOf(after)}')");
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
        if (role == ParentRole)
        {
            // survivesParent: this child is not asked to die with P1 (no PR_SET_PDEATHSIG), so it can be orphaned.
            var child = context.StartProcess("P1.1", GrandchildRole, [folder], survivesParent: true);
            Console.WriteLine($"P1 (pid {Environment.ProcessId}) started P1.1 (pid {child.Pid})");
            Handoff.WaitFor(main, folder, Before, context.Cancellation);
            Console.WriteLine("P1.1 has seen me as its parent; P1 exits now");

            // Exit at once, the way a crashing parent would: returning normally would let the worker
            // program end the children it started, and there would be no orphan to see.
            Environment.Exit(0);
        }

        // The grandchild prints through the run's event socket (lane.Print), not its stdout: stdout is a
        // pipe to P1, and nobody reads that pipe once P1 is gone.
        var first = NativeProcess.ParentId;
        main.Print($"P1.1 (pid {Environment.ProcessId}): my parent is pid {first}");
        Handoff.Write(folder, Before, first.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // There is no notice when a parent dies; ask getppid() until the answer changes.
        main.Enter(Events.LaneState.Waiting, "parent to exit");
        while (NativeProcess.ParentId == first)
        {
            if (context.Cancellation.WaitHandle.WaitOne(5))
            {
                return Task.FromResult(1);
            }
        }

        main.Enter(Events.LaneState.Running);
        var now = NativeProcess.ParentId;
        main.Mark("orphaned");
        main.Print($"P1.1 (pid {Environment.ProcessId}): my parent is now pid {now} ({NameOf(now.ToString(System.Globalization.CultureInfo.InvariantCulture))})");
        Handoff.Write(folder, After, now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Task.FromResult(0);
    }

    /// <summary>A process's command name, from /proc/&lt;pid&gt;/comm.</summary>
    private static string NameOf(string pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
