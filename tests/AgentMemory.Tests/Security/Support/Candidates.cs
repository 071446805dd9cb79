using AgentMemory.Security;
using Microsoft.Extensions.AI;

namespace AgentMemory.Tests.Security.Support;

internal static class Candidates
{
    public static readonly MemoryScope UserScope = MemoryScope.ForUser("acme", "alice");

    public static MemoryCandidate Of(string text, MemorySource source = MemorySource.User, MemoryKind kind = MemoryKind.Semantic) =>
        new() { Kind = kind, Text = text, Provenance = new MemoryProvenance(source) };

    public static GuardContext Context(MemoryScope? scope = null, params ChatMessage[] messages) => new(scope ?? UserScope, messages);

    public static PoisoningGuard NewPoisoningGuard(TestOptions? options = null, CapturingLogger<PoisoningGuard>? logger = null) =>
        new(options ?? TestOptions.Default(), new PoisoningDetector(), new PiiDetector(), logger);
}
