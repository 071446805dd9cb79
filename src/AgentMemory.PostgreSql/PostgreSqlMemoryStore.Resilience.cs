using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using AgentMemory.PostgreSql.Internal;
using Npgsql;

namespace AgentMemory.PostgreSql;

public sealed partial class PostgreSqlMemoryStore
{
    /// <summary>
    /// Reads every row of the command <paramref name="command"/> builds (through <see cref="ReadAsync{T}"/>'s retries),
    /// then yields them, checking for cancellation between rows.
    /// </summary>
    private async IAsyncEnumerable<T> ReadRowsAsync<T>(
        string operation,
        Func<NpgsqlConnection, NpgsqlCommand> command,
        Func<NpgsqlDataReader, T> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(operation, async (c, ct) =>
        {
            await using var cmd = command(c);
            var result = new List<T>();
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                result.Add(read(reader));
            }

            return result;
        }, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    /// <summary>
    /// Runs a read (or an idempotent write) on a pooled connection, retrying transient failures with back-off.
    /// </summary>
    private async Task<T> ReadAsync<T>(string operation, Func<NpgsqlConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        return await RetryAsync(
            operation,
            async (store, token) =>
            {
                var connection = await store._dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    return await body(connection, token).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a write in one transaction. When a transient failure leaves the outcome unknown (e.g. the connection dropped
    /// during commit), the retry first asks whether the write committed (by its audit row's <paramref name="writeId"/>)
    /// and, if so, returns <paramref name="applied"/> instead of writing again: a write is never applied twice.
    /// When <paramref name="applied"/> is null the write is idempotent by itself and is simply run again.
    /// </summary>
    private async Task<T> WriteAsync<T>(string operation, Guid writeId, Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> body, Func<NpgsqlConnection, CancellationToken, Task<T>>? applied, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var attempts = 0;
        return await RetryAsync(
            operation,
            async (store, token) =>
            {
                var connection = await store._dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    if (attempts++ > 0 && applied is not null && await store.WasAppliedAsync(connection, writeId, token).ConfigureAwait(false))
                    {
                        return await applied(connection, token).ConfigureAwait(false);
                    }

                    var tx = await connection.BeginTransactionAsync(token).ConfigureAwait(false);
                    await using (tx.ConfigureAwait(false))
                    {
                        var result = await body(connection, tx, token).ConfigureAwait(false);
                        await tx.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                        return result;
                    }
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> through the store's retry pipeline (<see cref="TransientRetry"/>, waiting on the
    /// injected clock); a provider failure that remains becomes a <see cref="MemoryStoreException"/>.
    /// </summary>
    private async Task<T> RetryAsync<T>(string operation, Func<PostgreSqlMemoryStore, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var context = Polly.ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            return await _retry.ExecuteAsync(
                static async (context, s) => await s.Attempt(s.Store, context.CancellationToken).ConfigureAwait(false),
                context,
                (Store: this, Attempt: attempt)).ConfigureAwait(false);
        }
        catch (EncoderFallbackException)
        {
            throw TextGuard.Unencodable();
        }
        catch (Exception ex) when (Wrap(ex))
        {
            throw new MemoryStoreException(Name, operation, ex);
        }
        finally
        {
            Polly.ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Before each retry: logs the failure and drops the idle pooled connections (all dead after a server restart).</summary>
    private void OnRetry(string operation, int attempt, Exception? ex)
    {
        Log.TransientFailure(_logger, Name, operation, attempt + 1, ex!);
        _dataSource.Clear();
    }

    private async Task<bool> WasAppliedAsync(NpgsqlConnection connection, Guid writeId, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {_s}.audit WHERE write_id = @w)", connection);
        cmd.Parameters.AddWithValue("w", writeId);
        return (bool)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Whether a failure is worth retrying: a dropped connection, a server shutting down or starting, a serialization failure.</summary>
    internal static bool IsTransient(Exception ex)
    {
        if (ex is PostgresException pg)
        {
            return pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                || pg.SqlState is "57P01" or "57P02" or "57P03" or "40001" or "40P01" or "53300";
        }

        return ex is NpgsqlException { IsTransient: true }
            || (ex is NpgsqlException && ex.InnerException is IOException or SocketException or TimeoutException)
            || ex is TimeoutException;
    }

    /// <summary>Provider failures become <see cref="MemoryStoreException"/>; the library's own and cancellation pass through.</summary>
    private static bool Wrap(Exception ex)
        => ex is not (OperationCanceledException or AgentMemoryException or ArgumentException or ObjectDisposedException)
            && ex is NpgsqlException or InvalidOperationException or IOException or SocketException or TimeoutException or FormatException or System.Text.Json.JsonException;
}
