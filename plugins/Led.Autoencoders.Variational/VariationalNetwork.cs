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

    private TorchSharp.Modules.Linear? _mean;
    private TorchSharp.Modules.Linear? _logVariance;

    /// <summary>Creates and registers the heads <c>mean</c> and <c>log_var</c>, Linear(<paramref name="features"/> → d_z) each.</summary>
    protected void RegisterHeads(long features, int latentDim, Device device, ScalarType dtype)
    {
        _mean = nn.Linear(features, latentDim, device: device, dtype: dtype);
        _logVariance = nn.Linear(features, latentDim, device: device, dtype: dtype);
        register_module("mean", _mean);
        register_module("log_var", _logVariance);
    }

    /// <summary>The heads' μ(h) and log σ²(h) on the encoder's features h <c>[B, features]</c>, moved out of the caller's dispose scope.</summary>
    protected (Tensor Mean, Tensor LogVariance) Heads(Tensor hidden) =>
        (_mean!.call(hidden).MoveToOuterDisposeScope(), _logVariance!.call(hidden).MoveToOuterDisposeScope());

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
