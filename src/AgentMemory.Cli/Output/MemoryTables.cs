using System.Globalization;

namespace AgentMemory.Cli.Output;

/// <summary>Renders memories as tables for a person at a terminal.</summary>
internal static class MemoryTables
{
    public static Table Memories(IEnumerable<MemoryRecord> records, IReadOnlyDictionary<Guid, double>? scores = null)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Id");
        table.AddColumn("Kind");
        table.AddColumn("Topic");
        table.AddColumn(new TableColumn("Memory"));
        table.AddColumn("Updated");
        if (scores is not null)
        {
            table.AddColumn(new TableColumn("Score").RightAligned());
        }

        foreach (var r in records)
        {
            var cells = new List<string>
            {
                Markup.Escape(r.Id.ToString()),
                Markup.Escape(Kind(r.Kind)),
                Markup.Escape(r.Topic ?? string.Empty),
                Markup.Escape(r.Text),
                Date(r.UpdatedAt),
            };
            if (scores is not null)
            {
                cells.Add(scores.TryGetValue(r.Id, out var s) ? s.ToString("0.000", CultureInfo.InvariantCulture) : string.Empty);
            }

            table.AddRow(cells.ToArray());
        }

        return table;
    }

    public static string Kind(MemoryKind kind) => kind.ToString().ToLowerInvariant();

    public static string Date(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
}
