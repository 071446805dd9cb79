using System.Net.Sockets;
using System.Text;
using AgentMemory.PostgreSql.Internal;
using Npgsql;

namespace AgentMemory.PostgreSql;

public sealed partial class PostgreSqlMemoryStore
{
    /// <summary>
    /// Runs a read (or an idempotent write) on a pooled connection, retrying transient failures with back-off.
    /// </summary>
    private async Task<T> ReadAsync<T>(string operation, Func<NpgsqlConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    return await body(connection, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (attempt < _options.MaxRetries && IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                await BackOffAsync(operation, attempt, ex, cancellationToken).ConfigureAwait(false);
            }
            catch (EncoderFallbackException)
            {
                throw TextGuard.Unencodable();
            }
            catch (Exception ex) when (Wrap(ex))
            {
                throw new MemoryStoreException(Name, operation, ex);
            }
        }
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
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    if (attempt > 0 && applied is not null && await WasAppliedAsync(connection, writeId, cancellationToken).ConfigureAwait(false))
                    {
                        return await applied(connection, cancellationToken).ConfigureAwait(false);
                    }

                    var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    await using (tx.ConfigureAwait(false))
                    {
                        var result = await body(connection, tx, cancellationToken).ConfigureAwait(false);
                        await tx.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                        return result;
                    }
                }
            }
            catch (Exception ex) when (attempt < _options.MaxRetries && IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                await BackOffAsync(operation, attempt, ex, cancellationToken).ConfigureAwait(false);
            }
            catch (EncoderFallbackException)
            {
                throw TextGuard.Unencodable();
            }
            catch (Exception ex) when (Wrap(ex))
            {
                throw new MemoryStoreException(Name, operation, ex);
            }
        }
    }

    private async Task<bool> WasAppliedAsync(NpgsqlConnection connection, Guid writeId, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {_s}.audit WHERE write_id = @w)", connection);
        cmd.Parameters.AddWithValue("w", writeId);
        return (bool)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private async Task BackOffAsync(string operation, int attempt, Exception ex, CancellationToken cancellationToken)
    {
        Log.TransientFailure(_logger, Name, operation, attempt + 1, ex);

        // Idle pooled connections to a restarted server are all dead: drop them rather than fail on each in turn.
        _dataSource.Clear();
        var delay = TimeSpan.FromTicks(_options.RetryBaseDelay.Ticks * (1L << Math.Min(attempt, 10)));

        // Back-off waits on the wall clock, not the injected TimeProvider: it paces a real server, and a test's fake
        // clock would otherwise never let a retry happen.
        await Task.Delay(delay, TimeProvider.System, cancellationToken).ConfigureAwait(false);
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
