using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConcurrencyLab.Engine.Events;

/// <summary>The one JSON shape of events, used by the live stream, storage and the worker protocol.</summary>
public static class EventJson
{
    /// <summary>camelCase properties, kebab-case enum values ("timed-out"), nulls left out.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the event conventions to options owned by someone else (the SignalR protocol).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        return options;
    }
}
