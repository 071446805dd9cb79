using System.Diagnostics.CodeAnalysis;

namespace AgentMemory.DependencyInjection;

/// <summary>
/// Registers an options class the way every AgentMemory package does: configured by the caller, checked at start by the
/// source-generated validator of its data annotations and by the validator of what annotations cannot say.
/// </summary>
internal static class ValidatedOptions
{
    /// <summary>
    /// Adds <typeparamref name="TOptions"/>, configured by <paramref name="configure"/> when given, validated at start by
    /// <typeparamref name="TAnnotations"/> (the <c>[Range]</c>s) and <typeparamref name="TRules"/> (relations, time spans,
    /// collections); each validator is registered once however often this runs.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TAnnotations,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TRules>(
        this IServiceCollection services, Action<TOptions>? configure)
        where TOptions : class
        where TAnnotations : class, IValidateOptions<TOptions>
        where TRules : class, IValidateOptions<TOptions>
    {
        var options = services.AddOptions<TOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TAnnotations>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TRules>());
        return options;
    }
}
