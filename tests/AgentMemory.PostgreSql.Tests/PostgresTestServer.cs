using System.Diagnostics;
using Npgsql;

namespace AgentMemory.PostgreSql.Tests;

/// <summary>The real PostgreSQL server the tests run against (started by <c>.ci/postgres.sh start</c>).</summary>
internal static class PostgresTestServer
{
    public const string DefaultConnection = "Host=127.0.0.1;Port=55432;Username=postgres";

    /// <summary>AGENTMEMORY_PG_CONNECTION, or the CI default.</summary>
    public static string ConnectionString => Environment.GetEnvironmentVariable("AGENTMEMORY_PG_CONNECTION") is { Length: > 0 } c ? c : DefaultConnection;

    /// <summary>Connects to the maintenance database, failing loudly (never skipping) when the server is not there.</summary>
    public static async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false, Timeout = 5 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"The PostgreSQL test server is not reachable at '{ConnectionString}'. Start it with 'bash .ci/postgres.sh start' " +
                "(or set AGENTMEMORY_PG_CONNECTION). These tests never skip.", ex);
        }
    }

    /// <summary>Restarts the server (fast shutdown) with pg_ctl as the postgres user, as CI can (it runs as root).</summary>
    public static async Task RestartAsync()
    {
        var dir = Environment.GetEnvironmentVariable("PGDIR") is { Length: > 0 } d ? d : "/tmp/agentmemory-pg";
        var port = Environment.GetEnvironmentVariable("PGPORT") is { Length: > 0 } p ? p : "55432";
        var psi = new ProcessStartInfo("runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-u", "postgres", "--", "/usr/lib/postgresql/15/bin/pg_ctl", "-D", $"{dir}/data", "-l", $"{dir}/log", "-m", "fast", "-w", "restart", "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {dir} -c max_connections=300 -c fsync=off" })
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl restart failed ({process.ExitCode}): {await stderr}");
        }
    }
}
