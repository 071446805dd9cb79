using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentMemory.Sqlite.Tests.DependencyInjection;

public sealed class UseSqliteTests : IDisposable
{
    private readonly TempDatabase _db = new();

    [Fact]
    public async Task UseSqlite_RegistersOneSingletonAsStoreAndOutbox_ReplacingEarlierStores()
    {
        var services = new ServiceCollection();
        var builder = new AgentMemoryBuilder(services);
        builder.UseInMemoryStore();

        builder.UseSqlite(_db.ConnectionString, o => o.MaxTextLength = 100);

        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IMemoryStore>();
        store.Should().BeOfType<SqliteMemoryStore>();
        provider.GetRequiredService<IFormationOutbox>().Should().BeSameAs(store);
        services.Count(d => d.ServiceType == typeof(IMemoryStore)).Should().Be(1);
        var tooLong = () => store.AddAsync(TestRecords.Create(MemoryScope.ForUser("t", "u"), new string('a', 101)));
        await tooLong.Should().ThrowAsync<InvalidMemoryException>().Where(e => e.Error == MemoryValidationError.TextTooLong);
        File.Exists(_db.FilePath).Should().BeTrue();
    }

    [Fact]
    public void UseSqlite_RangeViolated_FailsAtStartNamingEachProperty()
    {
        var services = new ServiceCollection();
        new AgentMemoryBuilder(services).UseSqlite(_db.ConnectionString, o =>
        {
            o.PageSize = 100;
            o.MaxTextLength = 0;
            o.MaxPooledConnections = 1_000;
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<SqliteMemoryStoreOptions>>().Value;

        var error = act.Should().Throw<OptionsValidationException>().Which;
        error.Message.Should().Contain("PageSize").And.Contain("MaxTextLength").And.Contain("MaxPooledConnections");
    }

    public void Dispose() => _db.Dispose();
}
