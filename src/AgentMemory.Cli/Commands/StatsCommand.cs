using System.Globalization;
using AgentMemory.Cli.Verify;

namespace AgentMemory.Cli.Commands;

/// <summary><c>agentmemory stats</c>: what the file holds, per scope and kind (read-only).</summary>
internal static class StatsCommand
{
    public static Command Create(CliConsole console)
    {
        const string Description = "Show what a memory file holds: memories per tenant, user, agent and kind, history and audit sizes.";
        return CliCommand.Create(console, "stats", Description, [], run =>
        {
            var settings = run.Settings;
            using var inspector = SqliteFileInspector.Open(settings.DbPath);
            var summary = new Grid().AddColumn().AddColumn(new GridColumn().RightAligned());
            summary.AddRow("File", Markup.Escape(settings.DbPath));
            summary.AddRow("Size", $"{new FileInfo(settings.DbPath).Length / 1024.0:0.#} KiB".ToString(CultureInfo.InvariantCulture));
            summary.AddRow("Schema version", inspector.ReadSchemaVersion().ToString(CultureInfo.InvariantCulture));
            foreach (var table in (string[])["memories", "history", "audit", "quarantine", "jobs"])
            {
                summary.AddRow(table, inspector.Count(table).ToString(CultureInfo.InvariantCulture));
            }

            console.Ansi.Write(summary);
            var byScope = new Table().Border(TableBorder.Rounded).Title("Memories by scope");
            foreach (var column in (string[])["Tenant", "User", "Agent", "Session", "Kind", "Memories"])
            {
                byScope.AddColumn(column);
            }

            foreach (var row in inspector.CountByScope())
            {
                byScope.AddRow(
                    Markup.Escape(row.Tenant),
                    Markup.Escape(row.User ?? "-"),
                    Markup.Escape(row.Agent ?? "-"),
                    Markup.Escape(row.Session ?? "-"),
                    MemoryTables.Kind(row.Kind),
                    row.Count.ToString(CultureInfo.InvariantCulture));
            }

            console.Ansi.Write(byScope);
            return Task.FromResult(ExitCodes.Ok);
        }, fileOnly: true);
    }
}
