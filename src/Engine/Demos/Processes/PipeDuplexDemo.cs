using System.Text;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Processes;

/// <summary>
/// Ping-pong between two processes over a two-way connection made of two one-way OS pipes: the parent
/// writes "ping n" into the child's stdin, the child answers "pong n" on its stdout. Each side blocks
/// reading its pipe until the other side writes, so the two lanes take turns.
/// </summary>
public sealed class PipeDuplexDemo : IProcessDemo
{
    private const string ChildRole = "ponger";

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "pipe-duplex",
        new("Two-way pipe: ping-pong", "双向管道：乒乓"),
        new(
            "The parent and the child take turns: while one thinks, the other sits in an io span reading its pipe. Marks show each message.",
            "父子进程轮流工作：一方在“思考”，另一方就停在读管道的 io 区段里等待。标记显示每一条消息。"),
        [
            new("messages", new("Round trips", "往返次数"), 1, 30, 6),
            new("think", new("Think time per message (each side)", "每条消息的思考时间（双方）"), 0, 300, 40, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var main = context.Main;
        var messages = context.Parameters["messages"];
        var think = TimeSpan.FromMilliseconds(context.Parameters["think"]);
        var child = context.StartProcess("P1", ChildRole);

        for (var i = 1; i <= messages; i++)
        {
            main.Sleep(think); // the parent's own work before it sends
            main.Mark($"ping {i} →", child.Lane);
            child.WriteLine($"ping {i}");

            // Blocks until the child writes its answer into the other pipe.
            var reply = child.ReadLine(main);
            main.Mark($"← {reply}", child.Lane);
            main.Print($"parent: sent ping {i}, got {reply}");
        }

        // Closing our end of the pipe is the "goodbye": the child's next read returns end of input.
        child.CloseInput();
        var code = child.WaitForExit(main);
        main.Print($"parent: child exited with code {code}");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> RunChildAsync(DemoContext context, string role, IReadOnlyList<string> arguments)
    {
        var main = context.Main;
        var think = TimeSpan.FromMilliseconds(context.Parameters["think"]);
        using var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
        var answered = 0;
        while (true)
        {
            main.Enter(LaneState.Io, "read stdin");
            var request = stdin.ReadLine();
            main.Enter(LaneState.Running);
            if (request is null)
            {
                break;
            }

            main.Mark($"got {request}");
            main.Sleep(think);

            // stdout is the pipe back to the parent, so it carries only answers; commentary goes to the lane.
            Console.WriteLine(request.Replace("ping", "pong", StringComparison.Ordinal));
            answered++;
        }

        main.Print($"child: stdin closed after {answered} pings; exiting");
        return Task.FromResult(0);
    }
}
