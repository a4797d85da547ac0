using static TorchSharp.torch;

namespace Led.Sdk.Testing;

/// <summary>Comparisons shared by the conformance checks.</summary>
internal static class TensorChecks
{
    /// <summary>Same shape and the same value everywhere (bit-identity up to the sign of zero).</summary>
    public static bool SameValues(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();
}
