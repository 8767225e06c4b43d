using AngleSharp.Html.Parser;
using UpdateBot.Sources.Html;

namespace UpdateBot.Sources.Tests.Html;

/// <summary>
/// Markup that exercises each rule of tree construction parses to the same tree as AngleSharp (a mature
/// implementation of the HTML standard) gives; comments and template contents are left out of the comparison.
/// </summary>
public sealed class HtmlTreeAgreementTests
{
    [Theory]
    // Implied elements and the head.
    [InlineData("")]
    [InlineData("plain text only")]
    [InlineData("<!DOCTYPE html><title>T &amp; t</title><meta charset=utf-8><p>x")]
    [InlineData("<html lang=en><head><link rel=stylesheet href=a.css></head>\n<body class=b><p>one</p></body></html>\n<p>after</p>")]
    [InlineData("<head><noscript><style>x</style><img src=a.png></noscript></head><p>body")]
    [InlineData("<title>a</title></head> <script>s</script><body><p>b")]
    // Tags that close others.
    [InlineData("<p>one<p>two<div>three</div>four")]
    [InlineData("<ul><li>a<li>b<ul><li>c</ul><li>d</ul>")]
    [InlineData("<dl><dt>t<dd>d<dt>t2</dl>")]
    [InlineData("<h1>one<h2>two</h1>three")]
    [InlineData("<p>a</p></p><br></br>b")]
    [InlineData("<div><span>a</div>b</span>c")]
    [InlineData("<form><input name=q><form><p>nested</form>after")]
    [InlineData("<button>a<button>b</button>")]
    [InlineData("<pre>\nfirst line</pre><textarea>\nkept</textarea><listing>\nx</listing>")]
    // Formatting elements: reopened across blocks, misnested end tags (adoption agency).
    [InlineData("<p><b>bold<p>still bold</b>plain")]
    [InlineData("<b>1<p>2</b>3</p>")]
    [InlineData("<a href=/x>one<div>two</a>three</div>")]
    [InlineData("<a href=1>one<a href=2>two</a>")]
    [InlineData("<i><b><u><s>deep<div>block</i>after</div>")]
    [InlineData("<b><b><b><b>four</b></b></b></b><p>x")]
    [InlineData("<nobr>a<nobr>b</nobr>")]
    // Tables: implied parts, cells, foster parenting, captions, column groups.
    [InlineData("<table><tr><td>a<td>b<tr><th>c</table>")]
    [InlineData("<table>text before<tr><td>cell</td></tr><div>moved</div></table>")]
    [InlineData("<table><caption>cap<tr><td>x</table>")]
    [InlineData("<table><col><colgroup><col></colgroup><tbody><tr><td>1</tbody><tfoot><tr><td>f</table>")]
    [InlineData("<table><tr><td><table><tr><td>inner</table>outer</td></tr></table>")]
    [InlineData("<p><table><tr><td>in p?</table>")]
    [InlineData("<!DOCTYPE html><p><table><tr><td>closed p</table>")]
    [InlineData("<table><td>no row</td><b>bold</b></table>")]
    [InlineData("<div><table><tr><td></div>cell</td></tr></table>")]
    [InlineData("<td>no table</td><tr>x</tr>")]
    [InlineData("<table><input type=hidden><input type=text><form>f</form></table>")]
    // Select, template, raw text.
    [InlineData("<select><option>a<option>b<optgroup><option>c</select>after")]
    [InlineData("<template><p>hidden</template><p>shown")]
    [InlineData("<script>if (a < b) { document.write('</div>'); }</script><p>x")]
    [InlineData("<script><!-- <script>inner</script> still --></script><p>x")]
    [InlineData("<style>p > a { color: red } </STYLE ><p>x")]
    [InlineData("<xmp><b>raw</b></xmp><iframe><p>raw</iframe><noembed><i>r</i></noembed>")]
    [InlineData("<plaintext><p>all text</p>")]
    // Foreign content.
    [InlineData("<svg viewBox='0 0 1 1'><title>icon</title><path d='M0'/><g><circle/></g></svg><p>after")]
    [InlineData("<svg><p>breaks out</p></svg>")]
    [InlineData("<svg><foreignObject><p>html inside</p></foreignObject></svg>")]
    [InlineData("<math><mi>x</mi><mtext><b>t</b></mtext></math>")]
    [InlineData("<svg><![CDATA[ <raw> ]]></svg><![CDATA[ html ]]>")]
    // Tokenizer: references, attributes, odd markup.
    [InlineData("<p>&amp; &lt;&gt; &rsquo; &#8217; &#x2019; &#150; &#0; &notit; &notin; &amp &copy2 &unknown; &#xD800;</p>")]
    [InlineData("<a href='/a?b=1&copy=2&amp;c=3&lang'>x</a><img alt=\"&quot;q&quot;\" src=a&lt;b>")]
    [InlineData("<DIV CLASS=A Class=B id=x ID=y data-x = 'v' checked>upper</DIV>")]
    [InlineData("<div/><span/>self-closing ignored<br/><img/>")]
    [InlineData("a < b <> c </> d <? pi ?> e <!-- c --> f <!---> g <!doctype html> h </ x> i")]
    [InlineData("<p>line\r\nbreaks\rhere</p>")]
    [InlineData("<p title='unterminated>text")]
    [InlineData("<p>ends in a tag <b")]
    [InlineData("<div><!-- unterminated comment <p>x</p>")]
    [InlineData("<body><body class=second><html data-x=1><p>x")]
    [InlineData("<image src=a.png><p>x")]
    [InlineData("<head><template><td>cell</td><p>p</template><meta name=a content=b></head><p>body")]
    public void Our_tree_matches_AngleSharps(string html)
    {
        var ours = TreeText.Of(HtmlDocument.Parse(html).DocumentElement);
        var reference = TreeText.Of(new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(html).DocumentElement);

        Assert.True(reference == ours, $"AngleSharp:\n{reference}\nours:\n{ours}");
    }
}
