// Claims and completes formation jobs from a PostgreSQL outbox, printing "processed <id>" per job, until the queue has
// been empty for --idle-polls consecutive polls. Usage:
//   AgentMemory.PostgreSql.Worker --connection <npgsql> --schema <name> --worker <id> [--idle-polls 25] [--work-ms 10]
using System.Globalization;
using AgentMemory.PostgreSql;
using Npgsql;

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i]] = args[i + 1];
}

var connection = options["--connection"];
var schema = options["--schema"];
var worker = options["--worker"];
var idlePolls = int.Parse(options.GetValueOrDefault("--idle-polls", "25"), CultureInfo.InvariantCulture);
var workMs = int.Parse(options.GetValueOrDefault("--work-ms", "10"), CultureInfo.InvariantCulture);

await using var dataSource = NpgsqlDataSource.Create(connection);
await using var store = new PostgreSqlMemoryStore(dataSource, new PostgreSqlMemoryStoreOptions { Schema = schema });
await store.InitializeAsync();
Console.WriteLine("ready");
var idle = 0;
while (idle < idlePolls)
{
    var jobs = await store.ClaimAsync(worker, 2, TimeSpan.FromMinutes(5));
    if (jobs.Count == 0)
    {
        idle++;
        await Task.Delay(20);
        continue;
    }

    idle = 0;
    foreach (var job in jobs)
    {
        await Task.Delay(workMs);
        Console.WriteLine(await store.CompleteAsync(job.Id, worker) ? $"processed {job.Id}" : $"lost {job.Id}");
    }
}

Console.WriteLine("done");
return 0;
