namespace AgentMemory.Conformance;

public abstract partial class MemoryStoreConformanceTests
{
    /// <summary>Queries that must never make a lexical search throw.</summary>
    public static TheoryData<string> HostileQueries => new()
    {
        "\"unbalanced quote",
        "\"\"",
        "NEAR(alpha beta, 2)",
        "NEAR",
        "*",
        "alpha*",
        "AND",
        "alpha AND OR NOT beta",
        "OR OR OR",
        "(((alpha",
        "alpha))",
        "col:alpha",
        "-alpha",
        "^alpha",
        "{alpha}",
        "'; DROP TABLE memories; --",
        "% _ \\ ' \"",
        "\u0000\u0001",
        "🦜🦜 party parrot 🎉",
        "日本語のテキスト",
        "   ",
        "alpha\nbeta\ttab",
        "@@ to_tsquery('x') || ':*'",
    };

    [Fact]
    public virtual async Task SearchAsync_Vector_ReturnsCosineOrderBestFirst()
    {
        var exact = await Store.AddAsync(MemoryRecordFactory.Create(User(), "exact", MemoryRecordFactory.Axis(Dim, 0)));
        var close = await Store.AddAsync(MemoryRecordFactory.Create(User(), "close", MemoryRecordFactory.Toward(Dim, 0, 1, 0.3f)));
        var far = await Store.AddAsync(MemoryRecordFactory.Create(User(), "far", MemoryRecordFactory.Toward(Dim, 0, 1, 3f)));
        var opposite = await Store.AddAsync(MemoryRecordFactory.Create(User(), "opposite", [-1, 0, 0, 0, 0, 0, 0, 0]));

        var result = await Store.SearchAsync(new MemorySearchRequest { Scope = User(), Vector = new float[] { 2, 0, 0, 0, 0, 0, 0, 0 } });

        result.VectorMatches.Select(m => m.Record.Id).Should().Equal(exact.Id, close.Id, far.Id, opposite.Id);
        var query = MemoryRecordFactory.Axis(Dim, 0);
        foreach (var m in result.VectorMatches)
        {
            var original = new[] { exact, close, far, opposite }.Single(r => r.Id == m.Record.Id);
            m.Score.Should().BeApproximately(MemoryRecordFactory.Cosine(query, original.Embedding.Span), 1e-4);
        }

        result.LexicalMatches.Should().BeEmpty();
    }

    [Fact]
    public virtual async Task SearchAsync_Vector_HonoursLimitAcrossVisiblePartitions()
    {
        for (var i = 0; i < 6; i++)
        {
            await Store.AddAsync(MemoryRecordFactory.Create(Session(), $"session {i}", MemoryRecordFactory.Toward(Dim, 0, 1, i * 0.2f)));
            await Store.AddAsync(MemoryRecordFactory.Create(User(), $"user {i}", MemoryRecordFactory.Toward(Dim, 0, 1, (i * 0.2f) + 0.1f)));
        }

        await Store.AddAsync(MemoryRecordFactory.Create(MemoryScope.TenantShared("t1"), "shared best", MemoryRecordFactory.Toward(Dim, 0, 1, 0.05f)));

        var result = await SearchAsync(Session(), axis: 0, limit: 4);

        result.VectorMatches.Select(m => m.Record.Text).Should().Equal("session 0", "shared best", "user 0", "session 1");
        result.VectorMatches.Select(m => m.Score).Should().BeInDescendingOrder();
    }

    [Fact]
    public virtual async Task SearchAsync_Vector_TiesAreOrderedDeterministically()
    {
        for (var i = 0; i < 6; i++)
        {
            await Store.AddAsync(MemoryRecordFactory.Create(i % 2 == 0 ? User() : Session(), $"tie {i}", MemoryRecordFactory.Axis(Dim, 3)));
        }

        var first = await SearchAsync(Session(), axis: 3, limit: 3);
        var second = await SearchAsync(Session(), axis: 3, limit: 3);

        first.VectorMatches.Should().HaveCount(3);
        first.VectorMatches.Select(m => m.Record.Id).Should().Equal(second.VectorMatches.Select(m => m.Record.Id));
        var all = await SearchAsync(Session(), axis: 3, limit: 6);
        all.VectorMatches.Take(3).Select(m => m.Record.Id).Should().Equal(first.VectorMatches.Select(m => m.Record.Id), "the top-3 of a tie is a prefix of the top-6");
    }

    [Fact]
    public virtual async Task SearchAsync_Text_RanksMoreRelevantFirst()
    {
        var strong = await AddAsync(User(), "The user's favourite programming language is Rust; Rust everywhere");
        var weak = await AddAsync(User(), "The user once tried Rust and went back to Python for data work");
        await AddAsync(User(), "The user lives in Lisbon and cycles to work");

        var result = await SearchAsync(User(), text: "rust programming language");

        result.LexicalMatches.Select(m => m.Record.Id).Should().Equal(strong.Id, weak.Id);
        result.LexicalMatches.Select(m => m.Score).Should().BeInDescendingOrder();
        result.LexicalMatches[0].Score.Should().BeGreaterThan(0);
        result.VectorMatches.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public virtual async Task SearchAsync_AnyUserText_NeverThrows(string query)
    {
        await AddAsync(User(), "alpha beta gamma party parrot", 0);

        var act = () => SearchAsync(User(), axis: 0, text: query);

        (await act.Should().NotThrowAsync()).Subject.VectorMatches.Should().ContainSingle();
    }

    [Fact]
    public virtual async Task SearchAsync_VeryLongQuery_NeverThrows()
    {
        var added = await AddAsync(User(), "alpha beta gamma");
        var query = string.Concat(Enumerable.Repeat("alpha \"NEAR* (OR ", 600))[..10_000];

        var result = await SearchAsync(User(), text: query);

        result.LexicalMatches.Should().ContainSingle().Which.Record.Id.Should().Be(added.Id);
    }

    [Fact]
    public virtual async Task SearchAsync_Filters_ApplyToVectorAndText()
    {
        var match = await Store.AddAsync(MemoryRecordFactory.Create(User(), "kiwi fruit note", MemoryRecordFactory.Axis(Dim, 0), MemoryKind.Episodic) with
        {
            Topic = "Food",
            Metadata = new Dictionary<string, string> { ["src"] = "chat" },
            OccurredAt = Start.AddDays(-1),
        });
        await Store.AddAsync(MemoryRecordFactory.Create(User(), "kiwi fruit wrong kind", MemoryRecordFactory.Axis(Dim, 0), MemoryKind.Semantic) with { Topic = "food", Metadata = new Dictionary<string, string> { ["src"] = "chat" }, OccurredAt = Start.AddDays(-1) });
        await Store.AddAsync(MemoryRecordFactory.Create(User(), "kiwi fruit wrong topic", MemoryRecordFactory.Axis(Dim, 0), MemoryKind.Episodic) with { Topic = "travel", Metadata = new Dictionary<string, string> { ["src"] = "chat" }, OccurredAt = Start.AddDays(-1) });
        await Store.AddAsync(MemoryRecordFactory.Create(User(), "kiwi fruit wrong metadata", MemoryRecordFactory.Axis(Dim, 0), MemoryKind.Episodic) with { Topic = "food", Metadata = new Dictionary<string, string> { ["src"] = "doc" }, OccurredAt = Start.AddDays(-1) });
        await Store.AddAsync(MemoryRecordFactory.Create(User(), "kiwi fruit too old", MemoryRecordFactory.Axis(Dim, 0), MemoryKind.Episodic) with { Topic = "food", Metadata = new Dictionary<string, string> { ["src"] = "chat" }, OccurredAt = Start.AddDays(-10) });

        var filter = new MemoryFilter
        {
            Kinds = new HashSet<MemoryKind> { MemoryKind.Episodic },
            Topic = "food",
            Metadata = new Dictionary<string, string> { ["src"] = "chat" },
            OccurredAfter = Start.AddDays(-5),
            OccurredBefore = Start,
        };
        var result = await SearchAsync(User(), axis: 0, text: "kiwi fruit", filter: filter);

        result.VectorMatches.Should().ContainSingle().Which.Record.Id.Should().Be(match.Id);
        result.LexicalMatches.Should().ContainSingle().Which.Record.Id.Should().Be(match.Id);
        (await ListAsync(User(), filter: filter)).Should().ContainSingle().Which.Id.Should().Be(match.Id);
    }

    [Fact]
    public virtual async Task SearchAsync_OccurredRange_FallsBackToCreatedAt()
    {
        var early = await AddAsync(User(), "early note");
        Time.Advance(TimeSpan.FromDays(2));
        var late = await AddAsync(User(), "late note");

        var filter = new MemoryFilter { OccurredAfter = Start.AddDays(1) };

        (await SearchAsync(User(), text: "note", filter: filter)).LexicalMatches.Should().ContainSingle().Which.Record.Id.Should().Be(late.Id);
        (await ListAsync(User(), filter: new MemoryFilter { OccurredBefore = Start.AddDays(1) })).Should().ContainSingle().Which.Id.Should().Be(early.Id);
    }

    [Fact]
    public virtual async Task SearchAsync_WrongQueryDimension_ThrowsInvalidMemory()
    {
        await AddAsync(User(), "something", 0);

        var act = () => Store.SearchAsync(new MemorySearchRequest { Scope = User(), Vector = new float[Dim + 1].Select((_, i) => i + 1f).ToArray() });

        (await act.Should().ThrowAsync<InvalidMemoryException>()).Which.Error.Should().Be(MemoryValidationError.DimensionMismatch);
    }

    [Fact]
    public virtual async Task SearchAsync_NonFiniteQuery_ThrowsInvalidMemory()
    {
        await AddAsync(User(), "something", 0);
        var vector = MemoryRecordFactory.Axis(Dim, 0);
        vector[1] = float.NaN;

        var act = () => Store.SearchAsync(new MemorySearchRequest { Scope = User(), Vector = vector });

        await act.Should().ThrowAsync<InvalidMemoryException>();
    }

    [Fact]
    public virtual async Task SearchAsync_NoVectorsStoredYet_ReturnsNoVectorMatches()
    {
        await AddAsync(User(), "text only memory");

        var result = await SearchAsync(User(), axis: 0, text: "memory");

        result.VectorMatches.Should().BeEmpty();
        result.LexicalMatches.Should().ContainSingle();
    }

    [Fact]
    public virtual async Task SearchAsync_RecordsWithoutVectors_AreFoundByTextOnly()
    {
        await AddAsync(User(), "vector memory zebra", 0);
        var textOnly = await AddAsync(User(), "text memory zebra");

        var result = await SearchAsync(User(), axis: 0, text: "zebra");

        result.VectorMatches.Should().ContainSingle().Which.Record.Id.Should().NotBe(textOnly.Id);
        result.LexicalMatches.Should().HaveCount(2);
    }
}
