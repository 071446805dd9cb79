using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AgentMemory.PostgreSql.Tests;

/// <summary>Behaviour that needs no server: query sanitising, failure classification, options, registration.</summary>
public sealed class PostgreSqlStoreUnitTests
{
    [Theory]
    [InlineData("rust programming language", "rust or programming or language")]
    [InlineData("'; DROP TABLE memories; --", "drop or table or memories")]
    [InlineData("alpha AND OR NOT -beta \"gamma", "alpha or and or not or beta or gamma")]
    [InlineData("@@ to_tsquery('x') || ':*'", "to or tsquery or x")]
    [InlineData("日本語のテキスト", "日本語のテキスト")]
    public void OrQuery_AnyText_KeepsOnlyWordsJoinedByOr(string text, string expected)
        => PostgreSqlMemoryStore.OrQuery(text).Should().Be(expected);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\" * () ''")]
    [InlineData("\u0000\u0001")]
    public void OrQuery_NoWords_IsNull(string text) => PostgreSqlMemoryStore.OrQuery(text).Should().BeNull();

    [Fact]
    public void OrQuery_HugeText_IsBounded()
        => PostgreSqlMemoryStore.OrQuery(string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"w{i}")))!.Split(" or ").Should().HaveCount(64);

    [Theory]
    [InlineData("57P01", true)]
    [InlineData("57P03", true)]
    [InlineData("08006", true)]
    [InlineData("40001", true)]
    [InlineData("23505", false)]
    [InlineData("42P01", false)]
    public void IsTransient_ClassifiesServerErrors(string sqlState, bool expected)
        => PostgreSqlMemoryStore.IsTransient(new PostgresException("x", "FATAL", "FATAL", sqlState)).Should().Be(expected);

    [Fact]
    public void IsTransient_DroppedConnection_IsTransient_ButAPlainProviderErrorIsNot()
    {
        PostgreSqlMemoryStore.IsTransient(new NpgsqlException("Exception while reading from stream", new IOException("reset"))).Should().BeTrue();
        PostgreSqlMemoryStore.IsTransient(new NpgsqlException("Connection refused", new System.Net.Sockets.SocketException(111))).Should().BeTrue();
        PostgreSqlMemoryStore.IsTransient(new NpgsqlException("bad")).Should().BeFalse();
        PostgreSqlMemoryStore.IsTransient(new InvalidOperationException()).Should().BeFalse();
    }

    [Fact]
    public void Options_Invalid_ReportEveryFailureAtOnce()
    {
        var options = new PostgreSqlMemoryStoreOptions { Schema = "Bad-Name", TenantPartitions = -1, MaxRetries = -2, Dimension = 0 };

        var act = options.Validate;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().HaveCount(4);
    }

    [Fact]
    public void UsePostgreSql_ReplacesTheStore_WithOneSingletonForBothInterfaces()
    {
        var services = new ServiceCollection();
        var builder = new AgentMemoryBuilder(services);
        services.AddSingleton<IMemoryStore>(Substitute.For<IMemoryStore>());

        builder.UsePostgreSql(PostgresTestServer.ConnectionString, o => o.Schema = "di_test");

        using var provider = services.BuildServiceProvider();
        services.Count(d => d.ServiceType == typeof(IMemoryStore)).Should().Be(1);
        var store = provider.GetRequiredService<IMemoryStore>();
        store.Should().BeOfType<PostgreSqlMemoryStore>().And.BeSameAs(provider.GetRequiredService<IFormationOutbox>());
        provider.GetRequiredService<IOptions<PostgreSqlMemoryStoreOptions>>().Value.Schema.Should().Be("di_test");
    }
}
