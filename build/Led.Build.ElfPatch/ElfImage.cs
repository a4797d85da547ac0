using System.Buffers.Binary;
using System.Text;

namespace Led.Build.ElfPatch;

/// <summary>
/// A read-only view of the dynamic-linking parts of a 64-bit little-endian ELF shared object:
/// the symbol versions it needs (<c>.gnu.version_r</c>), the versions it defines (<c>.gnu.version_d</c>),
/// its dynamic symbols with their version indices, and the symbols its relocations use.
/// </summary>
public sealed class ElfImage
{
    private const uint ShtRela = 4, ShtRel = 9, ShtDynsym = 11;
    private const uint ShtGnuVerdef = 0x6ffffffd, ShtGnuVerneed = 0x6ffffffe, ShtGnuVersym = 0x6fffffff;

    private readonly byte[] _bytes;
    private readonly List<Section> _sections = new();

    private ElfImage(byte[] bytes)
    {
        _bytes = bytes;
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (bytes[4] != 2 || bytes[5] != 1)
            throw new InvalidDataException("only 64-bit little-endian ELF files are supported");
        ulong shoff = U64(0x28);
        int shentsize = U16(0x3A), shnum = U16(0x3C);
        if (shoff == 0 || shentsize < 64 || shoff + (ulong)(shnum * shentsize) > (ulong)bytes.Length)
            throw new InvalidDataException("section header table is missing or truncated");
        for (int i = 0; i < shnum; i++)
        {
            int h = checked((int)shoff + i * shentsize);
            _sections.Add(new Section(U32(h + 4), checked((int)U64(h + 0x18)), checked((int)U64(h + 0x20)),
                (int)U32(h + 0x28), (int)U32(h + 0x2C), (int)U64(h + 0x38)));
        }
        foreach (var s in _sections)
            if (s.Offset < 0 || (long)s.Offset + s.Size > bytes.Length && s.Type != 8 /* NOBITS */)
                throw new InvalidDataException("a section lies outside the file");
    }

    /// <summary>The raw bytes; <see cref="MarkWeak"/> edits them in place.</summary>
    public byte[] Bytes => _bytes;

    public static ElfImage Load(string path) => new(File.ReadAllBytes(path));

    public static ElfImage Parse(byte[] bytes) => new(bytes);

    /// <summary>Versions this object defines (for a library such as libstdc++: GLIBCXX_3.4, …).</summary>
    public IReadOnlySet<string> DefinedVersions()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sec in _sections.Where(s => s.Type == ShtGnuVerdef))
        {
            int at = sec.Offset;
            for (int n = 0; n < sec.Info; n++)
            {
                int cnt = U16(at + 6), aux = (int)U32(at + 12), next = (int)U32(at + 16);
                if (cnt > 0) names.Add(Str(sec.Link, U32(at + aux)));
                if (next == 0) break;
                at += next;
            }
        }
        return names;
    }

    /// <summary>Every version this object needs, with the file it expects it from.</summary>
    public IReadOnlyList<VersionNeed> NeededVersions()
    {
        var result = new List<VersionNeed>();
        foreach (var sec in _sections.Where(s => s.Type == ShtGnuVerneed))
        {
            int at = sec.Offset;
            for (int n = 0; n < sec.Info; n++)
            {
                int cnt = U16(at + 2);
                string file = Str(sec.Link, U32(at + 4));
                int aux = at + (int)U32(at + 8);
                for (int a = 0; a < cnt; a++)
                {
                    result.Add(new VersionNeed(file, Str(sec.Link, U32(aux + 8)), U16(aux + 6), U16(aux + 4), aux + 4));
                    int nextAux = (int)U32(aux + 12);
                    if (nextAux == 0) break;
                    aux += nextAux;
                }
                int next = (int)U32(at + 12);
                if (next == 0) break;
                at += next;
            }
        }
        return result;
    }

    /// <summary>Names of the dynamic symbols bound to a version index.</summary>
    public IReadOnlyList<string> SymbolsWithVersion(int versionIndex)
    {
        var dynsym = _sections.FirstOrDefault(s => s.Type == ShtDynsym);
        var versym = _sections.FirstOrDefault(s => s.Type == ShtGnuVersym);
        if (dynsym is null || versym is null) return Array.Empty<string>();
        int count = dynsym.Size / 24;
        var names = new List<string>();
        for (int i = 0; i < count; i++)
            if ((U16(versym.Offset + 2 * i) & 0x7fff) == versionIndex)
                names.Add(Str(dynsym.Link, U32(dynsym.Offset + 24 * i)));
        return names;
    }

    /// <summary>Names of the dynamic symbols that at least one relocation refers to.</summary>
    public IReadOnlySet<string> RelocatedSymbols()
    {
        var dynsymIndex = _sections.FindIndex(s => s.Type == ShtDynsym);
        var used = new HashSet<string>(StringComparer.Ordinal);
        if (dynsymIndex < 0) return used;
        var dynsym = _sections[dynsymIndex];
        foreach (var rel in _sections.Where(s => (s.Type == ShtRela || s.Type == ShtRel) && s.Link == dynsymIndex))
        {
            int entry = rel.Type == ShtRela ? 24 : 16;
            for (int at = rel.Offset; at + entry <= rel.Offset + rel.Size; at += entry)
            {
                int sym = (int)(U64(at + 8) >> 32);
                if (sym != 0) used.Add(Str(dynsym.Link, U32(dynsym.Offset + 24 * sym)));
            }
        }
        return used;
    }

    /// <summary>Sets VER_FLG_WEAK on one needed version, so the loader accepts its absence.</summary>
    public void MarkWeak(VersionNeed need)
    {
        ushort flags = (ushort)(U16(need.FlagsOffset) | VersionNeed.WeakFlag);
        BinaryPrimitives.WriteUInt16LittleEndian(_bytes.AsSpan(need.FlagsOffset), flags);
    }

    private string Str(int strtabSection, uint offset)
    {
        var s = _sections[strtabSection];
        int start = s.Offset + (int)offset;
        int end = Array.IndexOf(_bytes, (byte)0, start, s.Offset + s.Size - start);
        if (end < 0) throw new InvalidDataException("unterminated string in string table");
        return Encoding.ASCII.GetString(_bytes, start, end - start);
    }

    private ushort U16(int at) => BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(at));
    private uint U32(int at) => BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(at));
    private ulong U64(int at) => BinaryPrimitives.ReadUInt64LittleEndian(_bytes.AsSpan(at));

    private sealed record Section(uint Type, int Offset, int Size, int Link, int Info, int EntrySize);
}
