using System.Globalization;

namespace AgentMemory.Cli.Commands;

/// <summary><c>agentmemory erase --user U</c>: erases everything of a user and prints the receipt.</summary>
internal static class EraseCommand
{
    public static Command Create(CliConsole console)
    {
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation." };
        return CliCommand.Create(
            console,
            "erase",
            "Erase everything kept about a user (memories, history, queued work); the audit trail keeps only that it happened.",
            [yes],
            async run =>
            {
                if (!run.Settings.UserGiven)
                {
                    throw new CliException("Name the user to erase with --user.");
                }

                await using var session = run.OpenSession();
                var scope = run.Settings.Scope;
                if (!run.Get(yes))
                {
                    if (!console.Interactive)
                    {
                        throw new CliException($"Erasing {scope} cannot be undone: pass --yes to confirm.");
                    }

                    if (!await console.Ansi.ConfirmAsync($"Erase everything of {Markup.Escape(scope.ToString())}? This cannot be undone.", false, run.CancellationToken).ConfigureAwait(false))
                    {
                        await console.Error.WriteLineAsync("Nothing was erased.").ConfigureAwait(false);
                        return ExitCodes.Failed;
                    }
                }

                var receipt = await session.Memory.ForgetAsync(scope, run.CancellationToken).ConfigureAwait(false);
                var table = new Table().Border(TableBorder.Rounded).Title("Erasure receipt");
                table.AddColumn("Item");
                table.AddColumn(new TableColumn("Value").RightAligned());
                table.AddRow("Scope", Markup.Escape(receipt.Scope.Key));
                table.AddRow("Memories", receipt.Records.ToString(CultureInfo.InvariantCulture));
                table.AddRow("History entries", receipt.HistoryEntries.ToString(CultureInfo.InvariantCulture));
                table.AddRow("Pending jobs", receipt.PendingJobs.ToString(CultureInfo.InvariantCulture));
                table.AddRow("Quarantined items", receipt.QuarantinedItems.ToString(CultureInfo.InvariantCulture));
                table.AddRow("Erased at", receipt.ErasedAt.ToString("O", CultureInfo.InvariantCulture));
                table.AddRow("Scrub pending", receipt.ScrubPending ? "yes" : "no");
                console.Ansi.Write(table);
                return ExitCodes.Ok;
            });
    }
}
