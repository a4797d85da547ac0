using Led.Abstractions.Learning;
using Xunit;
using static TorchSharp.torch;

namespace Led.Sdk.Testing;

/// <summary>Comparisons shared by the conformance checks.</summary>
internal static class TensorChecks
{
    /// <summary>Same shape and the same value everywhere (bit-identity up to the sign of zero).</summary>
    public static bool SameValues(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    /// <summary>Saves <paramref name="saved"/> as the host does (state dict or its own format) and loads it into <paramref name="loaded"/>.</summary>
    public static void SaveAndLoad(object saved, object loaded)
    {
        string path = Path.Combine(Path.GetTempPath(), $"led-conformance-{Guid.NewGuid():N}.bin");
        try
        {
            switch (saved)
            {
                case ITrainable trainable:
                    trainable.Module.save(path);
                    ((ITrainable)loaded).Module.load(path);
                    break;
                case IFittable fittable:
                    using (var stream = File.Create(path)) fittable.Save(stream);
                    using (var stream = File.OpenRead(path)) ((IFittable)loaded).Load(stream);
                    break;
                default:
                    Assert.Fail($"{saved.GetType().Name} is neither ITrainable nor IFittable: the host cannot save it");
                    break;
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
