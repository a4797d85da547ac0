using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.TestPlugins.ParticleCloud;

/// <summary>
/// A mixture-density decoder of a point set [N, D]: the latent gives one Gaussian mixture (K weights, means and diagonal
/// standard deviations in D dimensions) shared by all N points, which are i.i.d. draws from it.
/// </summary>
public sealed class GaussianMixtureDecoder : IProbabilisticDecoder, ITrainable, IDisposable
{
    private readonly LinearNetwork _network;
    private readonly int _points, _dims, _k;

    public GaussianMixtureDecoder(GaussianMixtureDecoderOptions options, SystemDescription system, LatentSpace latent, IDeviceContext device)
    {
        options.CheckShapes(system, latent);
        (_points, _dims, _k) = (system.Shape[0], system.Shape[1], options.Components);
        _network = new LinearNetwork("GaussianMixtureDecoder", latent.Dim, _k + 2 * _k * _dims, device);
        LatentDim = latent.Dim;
    }

    public int LatentDim { get; }

    public nn.Module Module => _network;

    /// <summary>The output layer's weight [K + 2KD, d_z] and bias: logits, then means [K, D], then log standard deviations [K, D].</summary>
    public void SetWeights(double[,] weight, double[] bias) => _network.SetWeights(weight, bias);

    public Tensor Decode(Tensor latents)
    {
        using var scope = NewDisposeScope();
        var (logWeights, means, _) = Mixture(latents);
        var mean = (logWeights.exp().unsqueeze(-1) * means).sum(1);                       // [B, D]
        return mean.unsqueeze(1).expand(-1, _points, -1).contiguous().MoveToOuterDisposeScope();
    }

    public Tensor Sample(Tensor latents, Generator generator)
    {
        using var scope = NewDisposeScope();
        var (logWeights, means, logStd) = Mixture(latents);
        long b = latents.shape[0];
        var component = multinomial(logWeights.exp(), _points, replacement: true, generator: generator);   // [B, N]
        var index = component.unsqueeze(-1).expand(-1, -1, _dims);
        var mu = means.gather(1, index);
        var sigma = logStd.exp().gather(1, index);
        var noise = randn([b, _points, _dims], mu.dtype, mu.device, generator: generator);
        return (mu + sigma * noise).MoveToOuterDisposeScope();
    }

    public Tensor LogLikelihood(Tensor latents, Tensor states)
    {
        using var scope = NewDisposeScope();
        var (logWeights, means, logStd) = Mixture(latents);
        var x = states.unsqueeze(2);                                                       // [B, N, 1, D]
        var z = (x - means.unsqueeze(1)) / logStd.exp().unsqueeze(1);                      // [B, N, K, D]
        var perComponent = (z.square().mul(-0.5) - logStd.unsqueeze(1)).sum(-1) - 0.5 * _dims * Math.Log(2 * Math.PI);
        var perPoint = (perComponent + logWeights.unsqueeze(1)).logsumexp(-1);             // [B, N]
        return perPoint.sum(-1).div(_points * _dims).MoveToOuterDisposeScope();
    }

    public void Dispose() => _network.Dispose();

    private (Tensor LogWeights, Tensor Means, Tensor LogStd) Mixture(Tensor latents)
    {
        var output = _network.Layer.forward(latents);
        long b = latents.shape[0];
        var logWeights = output.slice(1, 0, _k, 1).log_softmax(-1);
        var means = output.slice(1, _k, _k + _k * _dims, 1).reshape(b, _k, _dims);
        var logStd = output.slice(1, _k + _k * _dims, _k + 2 * _k * _dims, 1).reshape(b, _k, _dims).clamp(-7, 3);
        return (logWeights, means, logStd);
    }
}
