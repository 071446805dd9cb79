using Microsoft.Extensions.Options;

namespace AgentMemory.Sqlite;

/// <summary>Checks the data annotations (<c>[Required]</c>, <c>[Range]</c>) of <see cref="SqliteMemoryStoreOptions"/> at start (source-generated).</summary>
[OptionsValidator]
internal sealed partial class SqliteMemoryStoreOptionsValidator : IValidateOptions<SqliteMemoryStoreOptions>;
