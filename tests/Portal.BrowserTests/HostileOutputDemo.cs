using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Portal.BrowserTests;

/// <summary>A test-only demo whose threads print what a careless page would run: HTML and terminal escapes.</summary>
public sealed class HostileOutputDemo : IDemo
{
    public const string Script = "<script>document.title='pwned'</script><b>bold?</b>";
    public const string Escape = "\u001b[31mred\u001b[0m";

    public DemoInfo Info { get; } = new("hostile-output", new("Hostile output", "恶意输出"), new("Prints markup.", "打印标记。"), []);

    public Task RunAsync(DemoContext context)
    {
        var workers = new[] { "A", "B" }.Select(name => context.StartThread(name, lane =>
        {
            lane.Print(Script);
            lane.Sleep(TimeSpan.FromMilliseconds(5));
            lane.Print(Escape);
        })).ToList();
        workers.ForEach(context.Main.Join);
        return Task.CompletedTask;
    }
}
