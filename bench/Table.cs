using System.Text;

namespace ConcurrencyLab.Bench;

/// <summary>Rows of text cells, rendered as aligned columns for the console or as a markdown table.</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row has {headers.Length} cells, not {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public string ToConsole()
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        void Line(string[] cells) => text.AppendJoin("  ", cells.Select((c, i) => c.PadRight(widths[i]))).Append('\n');
        Line(headers);
        Line(widths.Select(w => new string('-', w)).ToArray());
        _rows.ForEach(Line);
        return text.ToString();
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        void Line(IEnumerable<string> cells) => text.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
        Line(headers);
        Line(headers.Select(_ => "---"));
        _rows.ForEach(Line);
        return text.ToString();
    }
}
