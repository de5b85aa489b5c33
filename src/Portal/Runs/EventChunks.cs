using System.IO.Compression;
using System.Text.Json;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Portal.Runs;

/// <summary>How a stored chunk of events is encoded: the event JSON array, Brotli-compressed.</summary>
public static class EventChunks
{
    /// <summary>Brotli-compressed JSON: what the portal writes.</summary>
    public const string Brotli = "br";

    /// <summary>Plain JSON: runs stored before events were compressed.</summary>
    public const string Json = "json";

    public static byte[] Encode(IReadOnlyList<RunEvent> events)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(brotli, events, EventJson.Options);
        }

        return output.ToArray();
    }

    /// <exception cref="InvalidDataException">An encoding this portal does not know.</exception>
    public static RunEvent[] Decode(string encoding, byte[] data)
    {
        using var input = new MemoryStream(data, writable: false);
        using Stream json = encoding switch
        {
            Brotli => new BrotliStream(input, CompressionMode.Decompress),
            Json => input,
            _ => throw new InvalidDataException($"Unknown chunk encoding '{encoding}'."),
        };
        return JsonSerializer.Deserialize<RunEvent[]>(json, EventJson.Options) ?? [];
    }
}
