// Usage:
//   crash <db-path> <user>                 writes memories forever, printing "ack <id>" after each acknowledged write.
//   concurrent <db-path> <worker> <count>  writes <count> memories to one shared scope while recalling, then prints "done".
using System.Globalization;
using AgentMemory;
using AgentMemory.Sqlite;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: crash <db> <user> | concurrent <db> <worker> <count>");
    return 2;
}

const int Dimension = 16;
using var store = new SqliteMemoryStore(new SqliteMemoryStoreOptions { ConnectionString = $"Data Source={args[1]}", Dimension = Dimension });
var random = new Random();

float[] RandomVector()
{
    var v = new float[Dimension];
    for (var i = 0; i < v.Length; i++)
    {
        v[i] = (float)(random.NextDouble() - 0.5);
    }

    return v;
}

MemoryRecord NewRecord(MemoryScope scope, string text) => new()
{
    Id = Guid.NewGuid(),
    Scope = scope,
    Kind = MemoryKind.Semantic,
    Text = text,
    Embedding = RandomVector(),
};

try
{
    switch (args[0])
    {
        case "crash":
        {
            var scope = MemoryScope.ForUser("crash", args[2]);
            for (var i = 0; ; i++)
            {
                var record = await store.AddAsync(NewRecord(scope, $"crash test memory number {i} with some words"));
                Console.Out.WriteLine($"ack {record.Id}");
                Console.Out.Flush();
            }
        }

        case "concurrent":
        {
            var scope = MemoryScope.ForUser("shared", "everyone");
            var count = int.Parse(args[3], CultureInfo.InvariantCulture);
            for (var i = 0; i < count; i++)
            {
                var record = await store.AddAsync(NewRecord(scope, $"{args[2]} wrote memory {i} about apples"));
                Console.Out.WriteLine($"ack {record.Id}");
                if (i % 5 == 0)
                {
                    await store.SearchAsync(new MemorySearchRequest { Scope = scope, Vector = RandomVector(), Text = "apples memory", Limit = 10 });
                }
            }

            Console.Out.WriteLine("done");
            return 0;
        }

        default:
            Console.Error.WriteLine($"unknown mode {args[0]}");
            return 2;
    }
}
catch (Exception ex)
{
    Console.Out.WriteLine($"error {ex.GetType().Name}: {ex.Message}");
    return 1;
}
