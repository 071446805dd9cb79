namespace AgentMemory.Sqlite.Tests.Search;

public sealed class LexicalQueryTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly SqliteMemoryStore _store;
    private readonly MemoryScope _alice = MemoryScope.ForUser("t1", "alice");
    private readonly MemoryScope _bob = MemoryScope.ForUser("t1", "bob");

    public LexicalQueryTests()
    {
        _store = new SqliteMemoryStore(_db.ConnectionString);
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "\"",
        "\"apples",
        "apples\"\"\"",
        "NEAR(apples pears, 2)",
        "apples NEAR pears",
        "*",
        "appl*",
        "(((apples",
        "apples)))",
        "apples AND",
        "OR OR OR",
        "NOT apples",
        "-apples",
        "^apples",
        "text:apples",
        "{text scope}: apples",
        "scope : sc1",
        "'; DROP TABLE memories; --",
        "🍎🍐 apples 🍏",
        "🍎",
        "\0 apples \u0001",
        "Ápplés",
        "a\u0301pples",
        new string('x', 10_000),
        string.Join(' ', Enumerable.Range(0, 2_000).Select(i => "w" + i)),
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task SearchAsync_HostileText_NeverThrowsAndStaysInScope(string query)
    {
        await _store.AddAsync(TestRecords.Create(_alice, "alice loves apples and pears"));
        await _store.AddAsync(TestRecords.Create(_bob, "bob loves apples too"));

        var result = await _store.SearchAsync(new MemorySearchRequest { Scope = _alice, Text = query });

        result.LexicalMatches.Where(m => m.Record.Scope != _alice).Should().BeEmpty();
    }

    [Theory]
    [InlineData("apples NEAR pears")]
    [InlineData("NOT apples")]
    [InlineData("\"apples")]
    [InlineData("apples*")]
    [InlineData("(apples")]
    [InlineData("APPLES!!!")]
    [InlineData("🍎 apples")]
    [InlineData("ápples")]
    public async Task SearchAsync_OperatorsAreWords_TheWordStillMatches(string query)
    {
        var apples = await _store.AddAsync(TestRecords.Create(_alice, "alice loves apples"));
        await _store.AddAsync(TestRecords.Create(_alice, "alice owns a bicycle"));

        var result = await _store.SearchAsync(new MemorySearchRequest { Scope = _alice, Text = query });

        result.LexicalMatches.Should().ContainSingle().Which.Record.Id.Should().Be(apples.Id);
    }

    [Fact]
    public async Task SearchAsync_WordsAreOredAndStemmed_RanksTheBetterMatchFirst()
    {
        var both = await _store.AddAsync(TestRecords.Create(_alice, "running shoes for marathons"));
        var one = await _store.AddAsync(TestRecords.Create(_alice, "new shoes"));
        await _store.AddAsync(TestRecords.Create(_alice, "a cup of coffee"));

        var result = await _store.SearchAsync(new MemorySearchRequest { Scope = _alice, Text = "runs in shoes" });

        result.LexicalMatches.Select(m => m.Record.Id).Should().Equal(both.Id, one.Id);
        result.LexicalMatches[0].Score.Should().BeGreaterThan(result.LexicalMatches[1].Score);
    }

    [Fact]
    public async Task SearchAsync_ScopeTokenInQuery_DoesNotReachOtherScopes()
    {
        await _store.AddAsync(TestRecords.Create(_bob, "bob secret sc1 sc2 sc3"));
        await _store.AddAsync(TestRecords.Create(_alice, "alice note"));

        var result = await _store.SearchAsync(new MemorySearchRequest { Scope = _alice, Text = "sc1 sc2 sc3 secret bob" });

        result.LexicalMatches.Should().BeEmpty();
    }

    public void Dispose()
    {
        _store.Dispose();
        _db.Dispose();
    }
}
