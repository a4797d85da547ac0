using Led.Abstractions.Plugins;

namespace Led.Systems.KuramotoSivashinsky;

/// <summary>Plugin entry point: registers the <c>KuramotoSivashinsky</c> system.</summary>
public sealed class KuramotoSivashinskyPlugin : ILedPlugin
{
    /// <inheritdoc />
    public void Register(ILedBuilder builder) => builder.AddKuramotoSivashinsky();
}
