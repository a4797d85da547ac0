using Led.Abstractions.Learning;

namespace Led.Testing;

/// <summary>Checks that a component owning a TorchSharp module releases it when disposed.</summary>
public static class DisposalAssert
{
    /// <summary>
    /// Disposing <paramref name="component"/> frees every parameter and buffer of its module, a second Dispose is
    /// harmless, and <paramref name="use"/> afterwards throws <see cref="ObjectDisposedException"/>.
    /// </summary>
    public static void ReleasesItsModule<T>(T component, Action<T> use) where T : ITrainable, IDisposable
    {
        var tensors = component.Module.parameters().Concat(component.Module.buffers()).ToList();
        Assert.NotEmpty(tensors);
        Assert.All(tensors, t => Assert.False(t.IsInvalid));

        component.Dispose();

        Assert.All(tensors, t => Assert.True(t.IsInvalid, "a parameter or buffer still holds its native tensor"));
        component.Dispose();
        Assert.Throws<ObjectDisposedException>(() => use(component));
    }
}
