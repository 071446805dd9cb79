using AgentMemory.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AgentMemory.Tests.Storage;

public sealed class InMemoryStoreRegistrationTests
{
    [Fact]
    public void UseInMemoryStore_RegistersOneSingletonAsStoreAndOutbox()
    {
        var services = new ServiceCollection();
        new AgentMemoryBuilder(services).UseInMemoryStore();
        using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IMemoryStore>();
        var outbox = provider.GetRequiredService<IFormationOutbox>();

        store.Should().BeOfType<InMemoryMemoryStore>();
        outbox.Should().BeSameAs(store);
        provider.GetRequiredService<IMemoryStore>().Should().BeSameAs(store);
        store.Name.Should().Be("inmemory");
    }

    [Fact]
    public void UseInMemoryStore_ReplacesAStoreRegisteredBefore()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Substitute.For<IMemoryStore>());
        services.AddSingleton(Substitute.For<IFormationOutbox>());
        new AgentMemoryBuilder(services).UseInMemoryStore();
        using var provider = services.BuildServiceProvider();

        provider.GetServices<IMemoryStore>().Should().ContainSingle().Which.Should().BeOfType<InMemoryMemoryStore>();
        provider.GetServices<IFormationOutbox>().Should().ContainSingle().Which.Should().BeOfType<InMemoryMemoryStore>();
    }

    [Fact]
    public async Task UseInMemoryStore_AppliesOptionsAndTheRegisteredTimeProvider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 5, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        new AgentMemoryBuilder(services).UseInMemoryStore(o => o.MaxTextLength = 10);
        using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IMemoryStore>();
        var scope = MemoryScope.ForUser("t", "u");

        var stored = await store.AddAsync(new MemoryRecord { Id = Guid.NewGuid(), Scope = scope, Kind = MemoryKind.Semantic, Text = "0123456789" });
        var tooLong = () => store.AddAsync(new MemoryRecord { Id = Guid.NewGuid(), Scope = scope, Kind = MemoryKind.Semantic, Text = "0123456789!" });

        stored.CreatedAt.Should().Be(time.GetUtcNow());
        (await tooLong.Should().ThrowAsync<InvalidMemoryException>()).Which.Error.Should().Be(MemoryValidationError.TextTooLong);
    }

    [Fact]
    public void UseInMemoryStore_InvalidOptions_FailValidation()
    {
        var services = new ServiceCollection();
        new AgentMemoryBuilder(services).UseInMemoryStore(o => o.MaxTextLength = 0);
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IMemoryStore>();

        act.Should().Throw<OptionsValidationException>();
    }

    [Fact]
    public void Constructor_NonPositiveOptions_Throw()
    {
        var zeroLength = () => new InMemoryMemoryStore(options: new InMemoryStoreOptions { MaxTextLength = 0 });
        var zeroDimension = () => new InMemoryMemoryStore(options: new InMemoryStoreOptions { Dimension = 0 });

        zeroLength.Should().Throw<ArgumentOutOfRangeException>();
        zeroDimension.Should().Throw<ArgumentOutOfRangeException>();
    }
}
