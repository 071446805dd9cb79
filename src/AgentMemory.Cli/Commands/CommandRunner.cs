using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AgentMemory.Cli.Commands;

/// <summary>Runs a command body and turns expected failures into one line on stderr and an exit code.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(CliConsole console, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            await console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is MemoryStoreException or SqliteException or InvalidMemoryException or JsonException or IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }
}
