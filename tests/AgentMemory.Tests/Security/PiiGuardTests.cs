using AgentMemory.Security;
using AgentMemory.Tests.Security.Support;

namespace AgentMemory.Tests.Security;

public sealed class PiiGuardTests
{
    private static PiiGuard Guard(Action<PiiGuardOptions>? configure = null, CapturingLogger<PiiGuard>? logger = null) =>
        new(TestOptions.Default(o => configure?.Invoke(o.Security.Pii)), new PiiDetector(), logger);

    [Fact]
    public async Task InspectAsync_DefaultPolicy_RedactsToTypedPlaceholders()
    {
        var verdict = await Guard().InspectAsync(Candidates.Of("Email me at sam@contoso.org, card 4111-1111-1111-1111."), Candidates.Context());

        verdict.Action.Should().Be(GuardAction.Rewrite);
        verdict.Candidate!.Text.Should().Be("Email me at [EMAIL], card [CARD].");
        verdict.Reason.Should().Be("pii:card,email");
    }

    [Fact]
    public async Task InspectAsync_Hash_IsStableAndSaltDependent()
    {
        var a = await Guard(p => { p.DefaultAction = PiiAction.Hash; p.HashSalt = "s1"; }).InspectAsync(Candidates.Of("mail SAM@contoso.org"), Candidates.Context());
        var b = await Guard(p => { p.DefaultAction = PiiAction.Hash; p.HashSalt = "s1"; }).InspectAsync(Candidates.Of("mail sam@contoso.org"), Candidates.Context());
        var c = await Guard(p => { p.DefaultAction = PiiAction.Hash; p.HashSalt = "s2"; }).InspectAsync(Candidates.Of("mail sam@contoso.org"), Candidates.Context());

        a.Candidate!.Text.Should().MatchRegex(@"^mail \[EMAIL:[0-9a-f]{12}\]$");
        b.Candidate!.Text.Should().Be(a.Candidate.Text);
        c.Candidate!.Text.Should().NotBe(a.Candidate.Text);
    }

    [Fact]
    public async Task InspectAsync_BlockPolicy_BlocksWithRedactedQuarantineCopyAndNoTextInLogs()
    {
        var logger = new CapturingLogger<PiiGuard>();

        var verdict = await Guard(p => p.Actions[PiiType.Ssn] = PiiAction.Block, logger).InspectAsync(Candidates.Of("My SSN is 123-45-6789."), Candidates.Context());

        verdict.Action.Should().Be(GuardAction.Block);
        verdict.Reason.Should().Be("pii:ssn");
        verdict.Candidate!.Text.Should().Be("My SSN is [SSN].");
        logger.Entries.Should().NotContain(e => e.Contains("123-45", StringComparison.Ordinal) || e.Contains("My SSN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InspectAsync_TenantOverride_AppliesOnlyToThatTenant()
    {
        var guard = Guard(p => p.TenantActions["acme"] = new Dictionary<PiiType, PiiAction> { [PiiType.Email] = PiiAction.Keep });

        var acme = await guard.InspectAsync(Candidates.Of("sam@contoso.org"), Candidates.Context(MemoryScope.ForUser("acme", "u")));
        var other = await guard.InspectAsync(Candidates.Of("sam@contoso.org"), Candidates.Context(MemoryScope.ForUser("globex", "u")));

        acme.Action.Should().Be(GuardAction.Allow);
        other.Candidate!.Text.Should().Be("[EMAIL]");
    }

    [Fact]
    public async Task InspectAsync_HashWithoutSalt_Throws()
    {
        var act = async () => await Guard(p => p.DefaultAction = PiiAction.Hash).InspectAsync(Candidates.Of("sam@contoso.org"), Candidates.Context());

        await act.Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task InspectAsync_PiiInContextOnly_RewritesTheContext()
    {
        var verdict = await Guard().InspectAsync(Candidates.Of("Sure, I'll write to you.") with { Context = "Mail me at sam@contoso.org" }, Candidates.Context());

        verdict.Action.Should().Be(GuardAction.Rewrite);
        verdict.Candidate!.Text.Should().Be("Sure, I'll write to you.");
        verdict.Candidate.Context.Should().Be("Mail me at [EMAIL]");
        verdict.Reason.Should().Be("pii:context:email");
    }

    [Fact]
    public async Task InspectAsync_BlockedTypeInContext_IsRedactedWithoutBlockingTheMemory()
    {
        var verdict = await Guard(p => p.Actions[PiiType.Ssn] = PiiAction.Block).InspectAsync(
            Candidates.Of("Thanks, noted.") with { Context = "My SSN is 123-45-6789." }, Candidates.Context());

        verdict.Action.Should().Be(GuardAction.Rewrite);
        verdict.Candidate!.Context.Should().Be("My SSN is [SSN].");
    }
}
