using Led.Abstractions.Plugins;

namespace Led.Encoders.PermutationInvariant;

/// <summary>Registers the <c>PermutationInvariantEncoder</c>.</summary>
public sealed class PermutationInvariantPlugin : ILedPlugin
{
    public void Register(ILedBuilder builder) =>
        builder.AddEncoder<PermutationInvariantEncoder, PermutationInvariantEncoderOptions>("PermutationInvariantEncoder");
}
