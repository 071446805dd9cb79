namespace AgentMemory.Cli.Commands;

/// <summary><c>agentmemory show ID</c>: one memory in full, with its history.</summary>
internal static class ShowCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<Guid>("id") { Description = "The memory's id." };
        return CliCommand.Create(console, "show", "Show one memory in full, with the history of its changes.", [id], async run =>
        {
            var (settings, ct) = (run.Settings, run.CancellationToken);
            await using var session = run.OpenSession();
            var memoryId = run.Get(id);
            var record = await session.Memory.GetAsync(settings.Scope, memoryId, ct).ConfigureAwait(false)
                ?? throw new CliException($"No memory {memoryId} is visible to {settings.Scope} (pass --tenant/--user/--agent of its owner).", ExitCodes.Failed);
            var history = await session.Memory.GetHistoryAsync(settings.Scope, memoryId, ct).ConfigureAwait(false);

            var grid = new Grid().AddColumn().AddColumn();
            void Row(string name, string? value) => grid.AddRow(new Text(name), new Text(value ?? "-"));
            Row("Id", record.Id.ToString());
            Row("Scope", record.Scope.Key);
            Row("Kind", MemoryTables.Kind(record.Kind));
            Row("Text", record.Text);
            Row("Topic", record.Topic);
            Row("Importance", record.Importance.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
            Row("Source", record.Provenance.Source + (record.Provenance.Speaker is { } s ? $" ({s})" : string.Empty));
            Row("Created", MemoryTables.Timestamp(record.CreatedAt));
            Row("Updated", MemoryTables.Timestamp(record.UpdatedAt));
            Row("Occurred", record.OccurredAt is { } o ? MemoryTables.Timestamp(o) : null);
            Row("Expires", record.ExpiresAt is { } e ? MemoryTables.Timestamp(e) : null);
            Row("Version", record.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (key, value) in record.Metadata)
            {
                Row("meta:" + key, value);
            }

            console.Ansi.Write(grid);
            var table = new Table().Border(TableBorder.Rounded).Title("History");
            table.AddColumn("Version");
            table.AddColumn("Change");
            table.AddColumn("At");
            table.AddColumn("Text");
            table.AddColumn("Reason");
            foreach (var h in history)
            {
                table.AddRow(
                    h.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    h.Change.ToString(),
                    MemoryTables.Timestamp(h.At),
                    Markup.Escape(h.NewText ?? h.PreviousText ?? string.Empty),
                    Markup.Escape(h.Reason ?? string.Empty));
            }

            console.Ansi.Write(table);
            return ExitCodes.Ok;
        });
    }
}
