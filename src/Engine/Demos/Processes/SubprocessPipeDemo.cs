using System.Text;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Processes;

/// <summary>
/// The parent drives a child program through its standard streams, like Python's
/// subprocess.Popen(stdin=PIPE, stdout=PIPE): it writes lines to the child's stdin and reads the child's
/// answers from its stdout. Closing stdin tells the child there is no more input; it then says goodbye and exits.
/// </summary>
public sealed class SubprocessPipeDemo : IProcessDemo
{
    private const string ChildRole = "shout";

    private static readonly string[] Text =
    [
        "pipes carry bytes",
        "one way each",
        "the reader waits",
        "until the writer writes",
        "or closes its end",
        "then the reader sees end of input",
        "and the child can exit",
        "that is all",
    ];

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "subprocess-pipe",
        new("Talk to a child program through its stdin and stdout", "通过标准输入输出和子程序对话"),
        new(
            "Line by line: the parent waits for each answer. All at once: every line goes out, stdin is closed, then the answers are read.",
            "逐行：父进程每发一行都等回答。一次发完：先把所有行写完、关闭 stdin，再读回答。"),
        [
            new("lines", new("Lines to send", "发送行数"), 1, 8, 4),
            DemoParameter.Choice(
                "style",
                new("Style", "方式"),
                [new DemoChoice("lockstep", new("Line by line", "逐行问答")), new DemoChoice("batch", new("All at once, like communicate()", "一次发完，像 communicate()"))],
                "lockstep"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var main = context.Main;
        var lines = Text.Take(context.Parameters["lines"]).ToList();
        var child = context.StartProcess("shout", ChildRole);

        if (context.Parameters.Choice("style") == "lockstep")
        {
            foreach (var line in lines)
            {
                child.WriteLine(line);
                main.Print($"parent → {line}");
                main.Print($"parent ← {child.ReadLine(main)}"); // waits for this line's answer
            }

            child.CloseInput();
        }
        else
        {
            // Small lines fit in the pipe's buffer, so writing them all first cannot get stuck.
            foreach (var line in lines)
            {
                child.WriteLine(line);
                main.Print($"parent → {line}");
            }

            child.CloseInput();
            main.Print("parent: closed the child's stdin");
        }

        // Whatever is still to come, up to end of output (the child closes stdout by exiting).
        while (child.ReadLine(main) is { } answer)
        {
            main.Print($"parent ← {answer}");
        }

        main.Print($"parent: child exited with code {child.WaitForExit(main)}");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> RunChildAsync(DemoContext context, string role, IReadOnlyList<string> arguments)
    {
        // This is all the child program is: read stdin line by line, write to stdout, stop at end of input.
        var main = context.Main;
        using var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
        var count = 0;
        while (true)
        {
            main.Enter(LaneState.Io, "read stdin");
            var line = stdin.ReadLine();
            main.Enter(LaneState.Running);
            if (line is null)
            {
                break;
            }

            count++;
            Console.WriteLine(line.ToUpperInvariant() + "!");
        }

        Console.WriteLine($"end of input after {count} lines; bye");
        return Task.FromResult(0);
    }
}
