using ConcurrencyLab.Engine.Demos.Processes;
using ConcurrencyLab.Engine.Demos.Tasks;
using ConcurrencyLab.Engine.Demos.Threads;

namespace ConcurrencyLab.Engine.Runtime;

/// <summary>Every demo the portal can run, by id.</summary>
public sealed class DemoCatalog
{
    private readonly Dictionary<string, IDemo> _demos;

    /// <summary>A catalogue of the given demos; ids must be unique.</summary>
    public DemoCatalog(IEnumerable<IDemo> demos) => _demos = demos.ToDictionary(d => d.Info.Id, StringComparer.Ordinal);

    /// <summary>The demos that ship with the portal.</summary>
    public static DemoCatalog CreateDefault() => new([new SpawnThreadsDemo(), new SpawnChildrenDemo(), new SpawnTasksDemo()]);

    /// <summary>All demos, in id order.</summary>
    public IEnumerable<DemoInfo> All => _demos.Values.Select(d => d.Info).OrderBy(i => i.Id, StringComparer.Ordinal);

    /// <summary>The demo with this id, or null.</summary>
    public IDemo? Find(string id) => _demos.GetValueOrDefault(id);

    /// <summary>The demo with this id.</summary>
    /// <exception cref="UnknownDemoException">When there is none.</exception>
    public IDemo Get(string id) => Find(id) ?? throw new UnknownDemoException(id);
}
