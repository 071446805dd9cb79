using System.CommandLine;
using System.Globalization;
using AgentMemory.Cli.Setup;
using Spectre.Console;

namespace AgentMemory.Cli.Commands;

/// <summary><c>agentmemory erase --user U</c>: erases everything of a user and prints the receipt.</summary>
internal static class EraseCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation." };
        var command = new Command("erase", "Erase everything kept about a user (memories, history, queued work); the audit trail keeps only that it happened.");
        common.AddTo(command);
        command.Add(yes);
        command.SetAction((result, ct) => CommandRunner.RunAsync(console, async () =>
        {
            var settings = common.Read(result, console);
            if (!settings.UserGiven)
            {
                throw new CliException("Name the user to erase with --user.");
            }

            await using var session = MemorySession.Open(settings, console);
            var scope = settings.Scope;
            if (!result.GetValue(yes))
            {
                if (!console.Interactive)
                {
                    throw new CliException($"Erasing {scope} cannot be undone: pass --yes to confirm.");
                }

                if (!await console.Ansi.ConfirmAsync($"Erase everything of {Markup.Escape(scope.ToString())}? This cannot be undone.", false, ct).ConfigureAwait(false))
                {
                    await console.Error.WriteLineAsync("Nothing was erased.").ConfigureAwait(false);
                    return ExitCodes.Failed;
                }
            }

            var receipt = await session.Memory.ForgetAsync(scope, ct).ConfigureAwait(false);
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
        }));
        return command;
    }
}
