namespace AgentMemory.Lexical;

/// <summary>One result of a lexical search.</summary>
/// <param name="Id">The document's id.</param>
/// <param name="Score">The BM25 score; higher is better.</param>
internal readonly record struct LexicalMatch(Guid Id, double Score);
