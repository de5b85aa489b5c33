using System.Text.Json;

namespace ConcurrencyLab.Engine.Export;

/// <summary>
/// Writes the shape every trace event shares. Each event gets an args object, empty or not, so that
/// opening an event always pairs with one <see cref="Close"/>.
/// </summary>
internal sealed class ChromeJson(Utf8JsonWriter writer)
{
    public Utf8JsonWriter Writer => writer;

    /// <summary>Opens an event with its common fields; the caller adds its own, then <see cref="Args"/>.</summary>
    public void Open(string phase, string name, string? category, long t, int pid, int? tid)
    {
        writer.WriteStartObject();
        writer.WriteString("ph", phase);
        writer.WriteString("name", name);
        Optional("cat", category);
        writer.WriteNumber("ts", t);
        writer.WriteNumber("pid", pid);
        Optional("tid", tid);
    }

    /// <summary>Opens the args object of the open event.</summary>
    public void Args() => writer.WriteStartObject("args");

    /// <summary>Ends the args object and the event.</summary>
    public void Close()
    {
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Writes a property only when it has a value; both viewers treat a missing arg as unset.</summary>
    public void Optional(string property, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(property, value);
        }
    }

    /// <summary>Writes a number only when it has a value.</summary>
    public void Optional(string property, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(property, number);
        }
    }
}
