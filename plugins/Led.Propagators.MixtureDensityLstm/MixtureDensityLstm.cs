using Led.Abstractions.Learning;
using Led.Toolkit.Learning;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Led.Propagators.MixtureDensityLstm;

/// <summary>
/// A mixture-density LSTM (MD-LSTM): one LSTM layer (<c>lstm</c>, d_z → d_h, PyTorch gate order i, f, g, o) whose hidden
/// state h_t feeds a linear head (<c>head</c>, d_h → the raw parameters of a <see cref="GaussianMixture"/> in d_z
/// dimensions with full covariances) that is the distribution of z_{t+Δt}. With
/// <see cref="MixtureDensityLstmOptions.Residual"/> the component means are z_t + head_k(h_t).
/// <see cref="Forward"/> is the mixture mean, <see cref="Sample"/> one draw, and training minimises the negative
/// log-likelihood per latent dimension. Initialisation: input weights Xavier-uniform, recurrent weights orthogonal, biases 0.001
/// (as the reference's LSTM), head Xavier-uniform.
/// </summary>
public sealed class MixtureDensityLstm : IStochasticPropagator, ITrainable, IDisposable
{
    private readonly Network _network;
    private readonly IDeviceContext _device;
    private readonly int _dz, _k;
    private readonly bool _residual;

    public MixtureDensityLstm(MixtureDensityLstmOptions options, LatentSpace latent, IDeviceContext device)
    {
        (_device, _dz, _k, _residual) = (device, latent.Dim, options.Components, options.Residual);
        _network = new Network(latent.Dim, options.Hidden, GaussianMixture.RawSize(_k, _dz));
        _network.to(device.DType).to(device.Device);
        _network.Initialise();
    }

    public nn.Module Module => _network;

    public PropagatorState Start(int batchSize) =>
        new MixtureDensityLstmState(zeros(batchSize, _network.Hidden, dtype: _device.DType, device: _device.Device),
                                    zeros(batchSize, _network.Hidden, dtype: _device.DType, device: _device.Device));

    /// <summary>The predicted distributions of the next latents <c>[B, T]</c> after feeding <paramref name="latents"/>, advancing <paramref name="state"/>.</summary>
    public GaussianMixture Predict(PropagatorState state, Tensor latents)
    {
        if (state is not MixtureDensityLstmState s) throw new ArgumentException("state was not created by this MD-LSTM", nameof(state));
        if (latents.dim() != 3 || latents.shape[2] != _dz)
            throw new ArgumentException($"expected latents [B, T, {_dz}], got [{string.Join(", ", latents.shape)}]");
        using var scope = NewDisposeScope();
        using var h0 = s.Hidden.unsqueeze(0);
        using var c0 = s.Cell.unsqueeze(0);
        var (output, hn, cn) = _network.Lstm.forward(latents, (h0, c0));
        s.Update(hn.squeeze(0), cn.squeeze(0));
        var raw = _network.Head.forward(output);
        if (_residual)
        {
            var shift = cat([zeros([.. latents.shape[..2], _k], latents.dtype, latents.device), latents.repeat(1, 1, _k),
                             zeros([.. latents.shape[..2], raw.shape[2] - _k - _k * _dz], latents.dtype, latents.device)], 2);
            raw = raw + shift;
        }
        var mixture = GaussianMixture.FromRaw(raw, _k, _dz);
        foreach (var t in new[] { mixture.LogWeights, mixture.Means, mixture.Tril, mixture.LogDiagonal }) t.MoveToOuterDisposeScope();
        return mixture;
    }

    public Tensor Forward(PropagatorState state, Tensor latents)
    {
        using var mixture = Predict(state, latents);
        return mixture.Mean();
    }

    public Tensor Sample(PropagatorState state, Tensor latents, Generator generator)
    {
        using var mixture = Predict(state, latents);
        using var draw = mixture.Sample(1, generator);
        return draw.squeeze(-2);
    }

    public Tensor LogLikelihood(PropagatorState state, Tensor latents, Tensor targets)
    {
        using var mixture = Predict(state, latents);
        using var logp = mixture.LogProb(targets.unsqueeze(-2));
        return logp.squeeze(-1).div(_dz);
    }

    public void Dispose() => _network.Dispose();

    private sealed class Network : nn.Module
    {
        public Network(int dz, int hidden, int outputs) : base("MixtureDensityLstm")
        {
            Hidden = hidden;
            Lstm = nn.LSTM(dz, hidden, numLayers: 1, batchFirst: true);
            Head = nn.Linear(hidden, outputs);
            register_module("lstm", Lstm);
            register_module("head", Head);
        }

        public int Hidden { get; }

        public LSTM Lstm { get; }

        public Linear Head { get; }

        public void Initialise()
        {
            using var noGrad = no_grad();
            foreach (var (name, parameter) in Lstm.named_parameters())
            {
                if (name.StartsWith("weight_ih", StringComparison.Ordinal)) nn.init.xavier_uniform_(parameter);
                else if (name.StartsWith("weight_hh", StringComparison.Ordinal)) nn.init.orthogonal_(parameter);
                else parameter.fill_(ReferenceInitialisation.Bias);
            }
            nn.init.xavier_uniform_(Head.weight);
            Head.bias!.fill_(ReferenceInitialisation.Bias);
        }

        protected override void RegisterComponents() { }
    }
}
