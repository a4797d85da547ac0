using static TorchSharp.torch;

namespace Led.Autoencoders.Variational;

/// <summary>
/// A variational autoencoder's module tree: an encoder to the mean and log-variance of q(z|x), and a decoder of latents;
/// its forward pass is the reconstruction D(μ(x)).
/// </summary>
internal abstract class VariationalNetwork(string name) : nn.Module<Tensor, Tensor>(name)
{
    /// <summary>[B, channels, grid…] → (μ, log σ²), [B, d_z] each.</summary>
    public abstract (Tensor Mean, Tensor LogVariance) Encode(Tensor states);

    /// <summary>The two heads μ = <paramref name="mean"/>(h) and log σ² = <paramref name="logVariance"/>(h) on the encoder's features h.</summary>
    protected static (Tensor Mean, Tensor LogVariance) Heads(TorchSharp.Modules.Linear mean, TorchSharp.Modules.Linear logVariance, Tensor hidden) =>
        (mean.call(hidden).MoveToOuterDisposeScope(), logVariance.call(hidden).MoveToOuterDisposeScope());

    /// <summary>[B, d_z] → [B, channels, grid…], values in (0, 1).</summary>
    public abstract Tensor Decode(Tensor latents);

    /// <summary>
    /// The submodules are registered by name in the constructors (the names saved models use); a parent module registering
    /// this one (end-to-end training) must not register the private fields a second time.
    /// </summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>The reconstruction D(μ(x)).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return Decode(Encode(input).Mean).MoveToOuterDisposeScope();
    }
}
