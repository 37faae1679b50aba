using System.Collections.Frozen;

namespace Warta.Text;

/// <summary>Function words of Indonesian (<c>id</c>) and English (<c>en</c>) that carry no topic; other languages have none.</summary>
/// <remarks>
/// Both lists were compiled for Warta from common function words (pronouns, prepositions, conjunctions,
/// particles, auxiliaries, quantifiers, reporting filler) and hold normalised (lower-case, plain) forms.
/// Reporting verbs that name a source (kata, ujar, ungkap) are included because every news article uses them.
/// </remarks>
public static class Stopwords
{
    private static readonly FrozenSet<string> Indonesian = Build("""
        ada adakah adalah adanya agak agaknya agar akan akankah akhir akhirnya aku akulah amat amatlah anda andalah
        antar antara antaranya apa apaan apabila apakah apalagi apatah atas atau ataukah ataupun awal awalnya bagai
        bagaikan bagaimana bagaimanakah bagaimanapun bagi bagian bahkan bahwa bahwasanya baik bakal bakalan balik banyak
        bapak baru bawah beberapa begini beginian beginikah beginilah begitu begitukah begitulah begitupun belakang
        belakangan belum belumlah benar benarkah benarlah berada berakhir berapa berapakah berapalah berapapun berbagai
        berikan berikut berikutnya berjumlah berkali berkata berkehendak berkenaan berlainan berlalu berlangsung
        bermacam bermaksud bersama bersiap bertanya berturut bertutur berupa besar betul betulkah biasa biasanya bila
        bilakah bisa bisakah boleh bolehkah bolehlah buat bukan bukankah bukanlah bukannya cara caranya cukup cukupkah
        cukuplah cuma dahulu dalam dan dapat dari daripada datang dekat demi demikian demikianlah dengan depan di dia
        diakhiri diakhirinya dialah diantara diantaranya diberi diberikan diberikannya dibuat dibuatnya didapat dijelaskan
        dijelaskannya dikarenakan dikatakan dikatakannya dikerjakan diketahui diketahuinya dilakukan dilalui dilihat
        dimaksud dimaksudkan dimaksudkannya dimana diminta dimintai dimisalkan dimulai dimulailah dimulainya dini dipastikan
        diperbuat diperlukan dipersoalkan dipertanyakan dipunyai diri dirinya disampaikan disebut disebutkan disebutkannya
        disini diucapkan diungkapkan dong dua dulu empat enggak enggaknya entah entahlah guna gunakan hal hampir hanya
        hanyalah harus haruslah harusnya hendak hendaklah hendaknya hingga ia ialah ibarat ibu ikut ingin inginkah
        inginkan ini inikah inilah itu itukah itulah jadi jadilah jadinya jangan jangankan janganlah jauh jawab jawaban
        jelas jelaskan jelaslah jika jikalau juga jumlah justru kala kalau kalaulah kalaupun kalian kami kamilah kamu
        kamulah kan kapan kapankah kapanpun karena karenanya kata katakan katanya ke kebetulan kecil
        kedua keduanya kelamaan kelihatan kelihatannya kelima keluar kembali kemudian kemungkinan kemungkinannya
        kenapa kepada kepadanya kesampaian keseluruhan keseluruhannya keterlaluan ketika khususnya kini kinilah kira
        kiranya kita kitalah kok kurang lagi lagian lah lain lainnya lalu lama lamanya lanjut lanjutnya lebih lewat
        lima luar macam maka makanya makin malah malahan mampu mampukah mana manakala manalagi masa masih
        masihkah masing mau maupun melainkan melakukan melalui melihat memang memastikan memberi memberikan membuat
        memerlukan memihak meminta memintakan memisalkan memperbuat mempergunakan memperkirakan memperlihatkan
        mempersiapkan mempersoalkan mempertanyakan mempunyai memulai memungkinkan menaiki menambahkan menandaskan
        menanti menantikan menanya menanyai menanyakan mendapat mendapatkan mendatang mendatangi mendatangkan menegaskan
        mengakhiri mengapa mengatakan mengatakannya mengenai mengerjakan mengetahui menggunakan menghendaki mengibaratkan
        mengibaratkannya mengingat mengingatkan menginginkan mengira mengucapkan mengungkapkan menjadi menjawab
        menjelaskan menuju menunjuk menunjukkan menurut menuturkan menyampaikan menyangkut menyatakan menyebutkan
        menyeluruh menyiapkan merasa mereka merekalah merupakan meski meskipun meyakini meyakinkan minta mirip misal
        misalkan misalnya mula mulai mulailah mulanya mungkin mungkinkah nah namun nanti nantinya nyaris nyatanya
        oleh olehnya pada padahal padanya pak paling panjang pantas para pasti pastilah penting pentingnya per
        percuma perlu perlukah perlunya pernah pertama pertanyakan pihak pihaknya pukul pula pun
        punya rasa rasanya rata rupanya saat saatnya saja sajalah saling sama sambil sampai sampaikan sana sangat
        sangatlah satu saya sayalah se sebab sebabnya sebagai sebagaimana sebagainya sebagian sebaik sebaiknya sebaliknya
        sebanyak sebegini sebegitu sebelum sebelumnya sebenarnya seberapa sebesar sebetulnya sebisanya sebuah sebut
        sebutlah sebutnya secara secukupnya sedang sedangkan sedemikian sedikit sedikitnya seenaknya segala segalanya
        segera seharusnya sehingga seingat sejak sejauh sejenak sejumlah sekadar sekadarnya sekali sekalian sekaligus
        sekalipun sekarang sekecil seketika sekiranya sekitar sekitarnya sekurangnya sela selain selaku selalu selama
        selamanya selanjutnya seluruh seluruhnya semacam semakin semampu semasa semata semaunya sementara semisal
        semisalnya sempat semua semuanya semula sendiri sendirian sendirinya seolah seorang sepanjang sepantasnya
        seperlunya seperti sepertinya sepihak sering seringnya serta serupa sesaat sesama sesampai sesegera sesekali
        seseorang sesuatu sesuatunya sesudah sesudahnya setelah setempat setengah seterusnya setiap setiba setibanya
        setidaknya setinggi seusai sewaktu siap siapa siapakah siapapun sini sinilah soal soalnya suatu sudah sudahkah
        sudahlah supaya tadi tadinya tahu tak tambah tambahnya tampak tampaknya tandas tandasnya tanpa tanya tanyakan
        tanyanya tapi tegas tegasnya telah tempat tengah tentang tentu tentulah tentunya tepat terakhir terasa
        terbanyak terdahulu terdapat terdiri terhadap terhadapnya teringat terjadi terjadilah terjadinya terkira terlalu
        terlebih terlihat termasuk ternyata tersampaikan tersebut tersebutlah tertentu tertuju terus terutama tetap
        tetapi tiap tiba tidak tidakkah tidaklah tiga tinggi toh tunjuk turut tutur tuturnya ucap ucapnya ujar ujarnya
        umum umumnya ungkap ungkapnya untuk usah usai waduh wah wahai waktu waktunya walau walaupun wong yaitu yakin
        yakni yang ya yah pula nya tersebut sang si sih deh dll dsb dst yg dgn utk tsb
        """);

    private static readonly FrozenSet<string> English = Build("""
        a about above after again against all almost also although always am among an and another any anyone anything
        are aren't around as at be became because been before being below between both but by can can't cannot could
        couldn't did didn't do does doesn't doing don't done down during each either else enough even ever every few
        for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
        himself his how how's however i i'd i'll i'm i've if in into is isn't it it's its itself just least less let
        let's like made make many may me might more most much must mustn't my myself neither never no nor not now of
        off often on once one only or other others ought our ours ourselves out over own per perhaps quite rather
        really said same say says shall shan't she she'd she'll she's should shouldn't since so some something still
        such than that that's the their theirs them themselves then there there's these they they'd they'll they're
        they've this those though through thus to too toward towards under until up upon us very via was wasn't we
        we'd we'll we're we've were weren't what what's whatever when when's where where's whether which while who
        who's whom whose why why's will with within without won't would wouldn't yet you you'd you'll you're you've
        your yours yourself yourselves also already across along although among anyway around become becomes
        besides beyond can cause certain come comes could despite done else etc get gets getting given go goes going
        gone got however instead later may meanwhile mr mrs ms next nothing onto other otherwise put seem seemed seems
        several shall take taken tell told two upon whereas whether yes
        """);

    /// <summary>True when <paramref name="normal"/> (already normalised) is a function word of <paramref name="language"/>.</summary>
    public static bool Contains(string language, ReadOnlySpan<char> normal)
    {
        var set = For(language);
        return set is not null && set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(normal);
    }

    /// <summary>The stopwords of a language, or an empty set for languages without a list.</summary>
    public static IReadOnlySet<string> Of(string language) => For(language) ?? FrozenSet<string>.Empty;

    internal static FrozenSet<string>? For(string language) => language switch
    {
        "id" => Indonesian,
        "en" => English,
        _ => null,
    };

    private static FrozenSet<string> Build(string words) =>
        words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
