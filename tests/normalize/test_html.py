"""HTML to text: visible text, block structure, furniture removal, and exact offsets."""

from __future__ import annotations

import html as html_lib
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacyparser.normalize import html as html_module
from privacyparser.normalize.html import HtmlExtraction, html_to_text

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "html"
_SPACE = " \t\n\r\f\xa0"
KEPT = "kept text of the policy, which is most of this page"
KEPT_P = f"<p>{KEPT}</p>"


def assert_offsets_round_trip(source: str, result: HtmlExtraction) -> None:
    """Every output character maps to source characters that decode to it."""
    offsets = result.offsets
    assert offsets.out_length == len(result.text)
    for pos, char in enumerate(result.text):
        start, end = offsets.source_start(pos), offsets.source_end(pos + 1)
        assert 0 <= start <= end <= len(source), (pos, char, start, end)
        if start == end:
            assert char in "\n\t ", f"inserted {char!r} at {pos}"
            continue
        decoded = html_lib.unescape(source[start:end]).replace("\r\n", "\n").replace("\r", "\n")
        if char == " ":
            assert decoded.strip(_SPACE) == "", (pos, source[start:end])
        else:
            assert decoded == char or decoded.replace("\x00", "\ufffd") == char, (pos, char, source[start:end])


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<p>a  \n\t b <b> c</b>d</p>", "a b cd"),
        ("<div>first</div><div>second</div>", "first\n\nsecond"),
        ("<p>A &amp; B&nbsp;C &lt;x&gt; &copy; &#8212;&#x2014; &notit; &copy2024</p>", "A & B C <x> © —— ¬it; ©2024"),
        ("<p>a<br>b<br><br>c<br/>d</p>", "a\nb\n\nc\nd"),
        (
            "<ul><li>one</li><li>two<ul><li>two.a</li><li>two.b</li></ul></li><li>three</li></ul>",
            "one\ntwo\ntwo.a\ntwo.b\nthree",
        ),
        ("<ol><li>no invented numbers</li><li>second</li></ol>", "no invented numbers\nsecond"),
        ("<ul><li>• kept because it is in the source</li></ul>", "• kept because it is in the source"),
        ("<p>Before</p><ul><li>item</li></ul><p>After</p>", "Before\n\nitem\n\nAfter"),
        (
            "<table><tr><th>Data</th><th>Purpose</th></tr><tr><td>Email</td><td>Login</td></tr></table>",
            "Data\tPurpose\nEmail\tLogin",
        ),
        ("<table><tr><td>a<td>b<tr><td>c<td>d</table>", "a\tb\nc\td"),
        ("<dl><dt>Term</dt><dd>Definition</dd></dl>", "Term\nDefinition"),
        ("<h1>Title</h1>Body text", "Title\n\nBody text"),
        ("<p>one<p>two<div>three<span>four", "one\n\ntwo\n\nthreefour"),
        ("<pre>\n  indented\n    more</pre><p>after</p>", "  indented\n    more\n\nafter"),
        ("<p>a < b and c > d</p>", "a < b and c > d"),
        ("<p>a<!-- a comment -->b<![CDATA[x]]>c</p>", "abc"),
        ("<!DOCTYPE html><?xml-stylesheet x?><p>text</p>", "text"),
        ("<p>Line one\r\nline two</p>", "Line one line two"),
        ("plain text without tags", "plain text without tags"),
        ("<p>x</p></body></html>\ntrailing words", "x\n\ntrailing words"),
        ("<blockquote>quoted</blockquote>next", "quoted\n\nnext"),
        ("<p>We <em>do</em> <strong>not</strong> sell data.</p>", "We do not sell data."),
        ("<p>unterminated tag <a href='x", "unterminated tag"),
        ("<p>ends in comment<!-- never closed", "ends in comment"),
    ],
)
def test_visible_text(source: str, expected: str) -> None:
    result = html_to_text(source)
    assert result.text == expected
    assert_offsets_round_trip(source, result)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<script>var x = '<p>hidden</p>';</script><p>kept</p>", "kept"),
        ("<style>p { color: red }</style><p>kept</p>", "kept"),
        ("<noscript>Enable JavaScript</noscript><p>kept</p>", "kept"),
        ("<template><p>tpl</p></template><p>kept</p>", "kept"),
        ("<svg><text>chart</text></svg><p>kept</p>", "kept"),
        ("<iframe>frame text</iframe><p>kept</p>", "kept"),
        (
            "<p hidden>secret</p>" + KEPT_P,
            KEPT,
        ),
        (
            "<p aria-hidden='true'>icon</p>" + KEPT_P,
            KEPT,
        ),
        (
            "<div style='display: none'>gone</div>" + KEPT_P,
            KEPT,
        ),
        (
            "<div style='color:red;visibility:hidden'>gone</div>" + KEPT_P,
            KEPT,
        ),
        (
            "<nav><a href='/'>Home</a> <a href='/a'>About</a></nav>" + KEPT_P,
            KEPT,
        ),
        (
            "<div role='navigation'><a>Home</a></div>" + KEPT_P,
            KEPT,
        ),
        (
            "<header><a>Logo</a> <a>Shop</a></header><main>" + KEPT_P + "</main>",
            KEPT,
        ),
        (
            "<main>" + KEPT_P + "</main><footer>Copyright 2024 Example Inc.</footer>",
            KEPT,
        ),
        (
            "<div id='cookie-banner'>We use cookies. Accept?</div>" + KEPT_P,
            KEPT,
        ),
        (
            "<div class='cc-window consent'>Cookies!</div>" + KEPT_P,
            KEPT,
        ),
        (
            "<ul class='main-menu'><li><a>Home</a></li><li><a>Blog</a></li></ul>" + KEPT_P,
            KEPT,
        ),
        (
            "<ol class='breadcrumb'><li><a>Home</a></li><li><a>Legal</a></li></ol>" + KEPT_P,
            KEPT,
        ),
        (
            "<a class='skip-link' href='#main'>Skip to content</a>" + KEPT_P,
            KEPT,
        ),
        # Menus, footers and link boxes without semantic markup: short links to other pages.
        (
            "<div><a href='/'>Home</a> | <a href='/shop'>Shop</a> | <a href='/contact'>Contact us</a></div>" + KEPT_P,
            KEPT,
        ),
        (
            "<table><tr><td><a href='/jobs'>Jobs</a></td><td><a href='/autos'>Autos</a></td></tr></table>" + KEPT_P,
            KEPT,
        ),
        # Page controls: "Back to top", "Print", alone on their line.
        (
            KEPT_P + "<p><a href='#top'>Back to Top</a> | <a href='#index'>Back to Privacy Policy Index</a></p>",
            KEPT,
        ),
        (KEPT_P + "<p class='backtotop'><a href='/legal/#'>Top</a></p>", KEPT),
        (KEPT_P + "<div>« <a href='javascript:print()'>Print this page</a> »</div>", KEPT),
        (KEPT_P + "<a href='#top'>Back to top</a>", KEPT),
        # Side content: teaser rails, "most popular", share bars.
        (
            "<article><div>" + KEPT_P + "</div><div class='right-rail'><p>Story teaser</p></div></article>",
            KEPT,
        ),
        ("<div class='most-popular-list'><p>Read this</p></div>" + KEPT_P, KEPT),
        # Side columns named after a prefix or two, even when a widget heads itself with an
        # <h1> or holds teaser <article>s.
        ("<div class='cms-sidebar'><p>Try our app free</p></div>" + KEPT_P, KEPT),
        # A page header or footer holding the site's name as an <h1>.
        (KEPT_P + "<div id='wrapFooter'><h1>Example Group</h1><p>Copyright 2015 Example</p></div>", KEPT),
        ("<div class='site-header'><h1>Acme</h1><p>Shop with us</p></div>" + KEPT_P, KEPT),
        # The site's own footer, named so, also inside <main> (some pages put everything there).
        (
            "<main>" + KEPT_P + "<div class='global-footer'><ul><li><a href='/jobs'>Careers</a></li>"
            "<li><a href='/ir'>Investors</a></li></ul><p>Open every day from 9 to 5</p></div></main>",
            KEPT,
        ),
        ("<section>" + KEPT_P + "<div id='site_footer'><p>Example Shop, since 1990</p></div></section>", KEPT),
        ("<div id='bodySidebar'><h3>Fun facts</h3><p>Ten million members</p></div>" + KEPT_P, KEPT),
        ("<div class='sidebarnav'><p>Newsletter sign-up</p></div>" + KEPT_P, KEPT),
        ("<div class='region-custom-rail-middle'><p>Be your own boss</p></div>" + KEPT_P, KEPT),
        ("<div class='region-copyright'><p>Example Daily, 1 Main St. All content (c) 2015</p></div>" + KEPT_P, KEPT),
        ("<main>" + KEPT_P + "<div id='region-side-rail-top-special'><p>Jobs near you</p></div></main>", KEPT),
        (
            "<main><div>" + KEPT_P + "</div><aside id='third_rail'><h1>Trending</h1>"
            "<article><p>Five stocks to watch</p></article></aside></main>",
            KEPT,
        ),
        # Readers' comments and small dialogs a script opens.
        ("<main>" + KEPT_P + "</main><div class='comments-section'><p>Be the first to comment</p></div>", KEPT),
        ("<div id='dsq-thread'><p>12 comments</p></div>" + KEPT_P, KEPT),
        ("<div class='overlay_holder'><p>Sign up for our newsletter</p></div>" + KEPT_P, KEPT),
        ("<div class='login-modal'><p>Log in with your account</p></div>" + KEPT_P, KEPT),
        # Small widgets named by their class: screen-reader text, search boxes, ad slots;
        # text placed far off the screen.
        (
            "<p>See <a href='/p'>our partners<span class='sr-only'> (opens in a new window)</span></a>.</p>" + KEPT_P,
            "See our partners.\n\n" + KEPT,
        ),
        ("<h2 class='element-invisible'>Search form</h2>" + KEPT_P, KEPT),
        ("<form class='search-form'><label>Search this site</label><input name='q'></form>" + KEPT_P, KEPT),
        ("<div class='site-search'><label>Search</label> <input type='search'></div>" + KEPT_P, KEPT),
        ("<div class='cse-branding'>Custom Search</div>" + KEPT_P, KEPT),
        ("<div class='ad-slot'><p>Advertisement</p></div>" + KEPT_P, KEPT),
        ("<div style='position: absolute; left: -9999px'>Copy and paste this link</div>" + KEPT_P, KEPT),
        # Names written in camel case read like their hyphenated spelling.
        (KEPT_P + "<div id='pageFooterArea'><p>Example Radio, Springfield, since 1950</p></div>", KEPT),
        ("<div id='mainHeaderBar'><a href='/'>Example Radio</a> <a href='/shows'>Shows</a></div>" + KEPT_P, KEPT),
        # Screen-reader text spelled with an underscore; a breadcrumb trail that ends in the
        # current page's name without a link.
        ("<span class='screen_reader'>Skip to the list of sections</span>" + KEPT_P, KEPT),
        (
            "<ul class='breadcrumb'><li><a href='/'>Home</a> /</li><li><a href='/legal'>Legal</a> /</li>"
            "<li>Privacy and Cookie Policy</li></ul>" + KEPT_P,
            KEPT,
        ),
        ("<div id='crumbNav'><a href='/'>Home</a> &gt; Privacy Policy</div>" + KEPT_P, KEPT),
        # Class names that stylesheets define as display: none.
        ("<div class='hidden example-summary'><p>An example shown on click</p></div>" + KEPT_P, KEPT),
        ("<div class='box hide'><p>You are leaving our site</p></div>" + KEPT_P, KEPT),
        # A big menu is still a menu when the page's <main> lies elsewhere.
        (
            "<nav><p>" + "Cable channel that shows films. " * 4 + "</p></nav><main>" + KEPT_P + "</main>",
            KEPT,
        ),
        # Guards: the policy itself is never dropped.
        # Links that are policy: a table of contents, links among the paragraphs, links
        # that are sentences, a list inside a list item, a list after a lead-in.
        (
            "<ul><li><a href='#collect'>What we collect</a></li><li><a href='#rights'>Your rights</a></li></ul>"
            + KEPT_P,
            "What we collect\nYour rights\n\n" + KEPT,
        ),
        (
            "<p>" + "We may change this notice and will tell you when we do. " * 4 + "</p>"
            "<ul><li><a href='/conditions'>Conditions of Use</a></li>"
            "<li><a href='/rules'>Community Rules</a></li></ul>",
            ("We may change this notice and will tell you when we do. " * 4).strip()
            + "\n\nConditions of Use\nCommunity Rules",
        ),
        (
            "<div><a href='/a'>Information collected through cookies and beacons</a></div>"
            "<div><a href='/b'>Information you give us when you register</a></div>",
            "Information collected through cookies and beacons\n\nInformation you give us when you register",
        ),
        (
            "<ul><li>More on<ul><li><a href='/c'>cookies</a></li><li><a href='/ads'>ads</a></li></ul></li></ul>",
            "More on\ncookies\nads",
        ),
        (
            "<p>You can opt out with:</p><ul><li><a href='/g'>Google</a></li><li><a href='/f'>Facebook</a></li></ul>",
            "You can opt out with:\n\nGoogle\nFacebook",
        ),
        # A control word inside a sentence is a word of the policy.
        ("<p>Please <a href='/print'>print</a> the form.</p>", "Please print the form."),
        ("<p>We make <a class='sharing' href='/s'>sharing</a> easy.</p>", "We make sharing easy."),
        ("<p>Read <a href='#top'>Top</a> first.</p>", "Read Top first."),
        # On a page that hides most of its text, hidden sections are kept unless they
        # repeat a visible paragraph (a "full text" that opens with the summary shown).
        (
            "<div><p>Summary: we collect your email to run your account.</p></div>"
            "<div hidden><p>Summary: we collect your email to run your account.</p>"
            "<p>" + "Full text that only repeats the summary at length. " * 4 + "</p></div>"
            "<div hidden><p>" + "A collapsed section found nowhere else on the page. " * 4 + "</p></div>",
            "Summary: we collect your email to run your account.\n\n"
            + ("A collapsed section found nowhere else on the page. " * 4).strip(),
        ),
        (
            "<article><header><h1>Privacy Policy</h1></header><p>Body of the policy</p></article>",
            "Privacy Policy\n\nBody of the policy",
        ),
        ("<header><h1>Privacy Policy</h1></header><p>Body of the policy</p>", "Privacy Policy\n\nBody of the policy"),
        (
            "<div class='nav-item'><h3>Cookies</h3><p>We use cookies to remember your settings.</p></div>",
            "Cookies\n\nWe use cookies to remember your settings.",
        ),
        (
            "<section id='cookies'><h2>Cookies</h2><p>We use cookies to remember you.</p></section>",
            "Cookies\n\nWe use cookies to remember you.",
        ),
        (
            "<nav><p>The whole policy sits in a nav element on this page.</p></nav><p>x</p>",
            "The whole policy sits in a nav element on this page.\n\nx",
        ),
        # Inside the content, a header or footer not named as the site's is the content's own.
        (
            "<main>" + KEPT_P + "<div class='page-footer'><p>Updated May 2020</p></div></main>",
            KEPT + "\n\nUpdated May 2020",
        ),
        (
            "<article><div class='post-header'><p>By the legal team</p></div>" + KEPT_P + "</article>",
            "By the legal team\n\n" + KEPT,
        ),
        (
            "<main><div class='site-header'><h1>Privacy Policy</h1></div>" + KEPT_P + "</main>",
            "Privacy Policy\n\n" + KEPT,
        ),
        # A page header whose <h1> names the policy is its title block.
        ("<div class='page-header'><h1>Privacy Policy</h1></div>" + KEPT_P, "Privacy Policy\n\n" + KEPT),
        # In camel case as hyphenated: inside the content, a page footer is the content's own;
        # a header that holds only a section heading heads its section, however short.
        (
            "<main>" + KEPT_P + "<div class='pageFooter'><p>Updated May 2020</p></div></main>",
            KEPT + "\n\nUpdated May 2020",
        ),
        (
            "<div class='sectionHeader'><h3>Cookies</h3></div><p>We use cookies to remember you.</p>",
            "Cookies\n\nWe use cookies to remember you.",
        ),
        (
            "<div class='section-header'><h2>Your rights</h2></div><p>You may ask for a copy.</p>" + KEPT_P,
            "Your rights\n\nYou may ask for a copy.\n\n" + KEPT,
        ),
        # A breadcrumb holding a heading, or long, is no trail.
        (
            "<div class='breadcrumbs'><a href='/'>Home</a> <h2>Privacy Policy</h2></div>" + KEPT_P,
            "Home\n\nPrivacy Policy\n\n" + KEPT,
        ),
        (
            "<div class='breadcrumbs'><p>"
            + "We keep a short trail of the pages you visit to show you the way back. " * 4
            + "<a href='/settings'>Settings</a></p></div>",
            ("We keep a short trail of the pages you visit to show you the way back. " * 4 + "Settings").strip(),
        ),
        # A wrapper flagged as having a sidebar is the page, not the sidebar.
        ("<div class='has-sidebar'>" + KEPT_P + "</div>", KEPT),
        ("<div class='sidebar-layout'>" + KEPT_P + "</div>", KEPT),
        ("<div class='noSidebar'>" + KEPT_P + "</div>", KEPT),
        ("<div class='breadcrumb-trail'>" + KEPT_P + "</div>", KEPT),
        (
            "<section id='copyright'><h2>Copyright</h2><p>We respect copyright.</p></section>" + KEPT_P,
            "Copyright\n\nWe respect copyright.\n\n" + KEPT,
        ),
        # A side column holding the page's main content or the policy's title is the content.
        ("<div class='sidebar'><main>" + KEPT_P + "</main></div><p>x</p>", KEPT + "\n\nx"),
        (
            "<div class='side-rail'><h1>Privacy Policy</h1></div>" + KEPT_P,
            "Privacy Policy\n\n" + KEPT,
        ),
        # A link that opens a dialog is a word of its sentence; a long dialog is a policy.
        (
            "<p>Visit the <a class='interstitial-modal-link' href='/x'>opt-out page</a> today.</p>",
            "Visit the opt-out page today.",
        ),
        (
            "<div class='modal-body'><p>" + "Our policy shown in a dialog. " * 80 + "</p></div>",
            ("Our policy shown in a dialog. " * 80).strip(),
        ),
        # A section named "search" or "ads" is policy; so is a long block in an ad container.
        ("<p id='search'>We keep your searches.</p>", "We keep your searches."),
        ("<div id='search'><p>We keep your search queries.</p></div>", "We keep your search queries."),
        ("<div id='ads'><p>We show ads.</p></div>", "We show ads."),
        ("<h3 class='ad-label'>Ads</h3><p>We show ads.</p>", "Ads\n\nWe show ads."),
        (
            "<div class='ad-container'><p>" + "We show ads that match your interests. " * 12 + "</p></div>",
            ("We show ads that match your interests. " * 12).strip(),
        ),
        ("<div style='margin-left: -20px'>" + KEPT_P + "</div>", KEPT),
        # Responsive classes hide only on some screens; "hidden" within a word is no flag.
        ("<div class='hidden-xs'>" + KEPT_P + "</div>", KEPT),
        ("<div class='field-label-hidden'>" + KEPT_P + "</div>", KEPT),
        # Accordion panels hidden by a class that hold most of the page are the policy.
        (
            "<p>Intro</p><div class='hidden'><p>" + "A collapsed section of the policy. " * 4 + "</p></div>",
            "Intro\n\n" + ("A collapsed section of the policy. " * 4).strip(),
        ),
    ],
)
def test_invisible_and_furniture_dropped(source: str, expected: str) -> None:
    result = html_to_text(source)
    assert result.text == expected
    assert_offsets_round_trip(source, result)


@pytest.mark.parametrize(
    ("source", "warning_fragment"),
    [
        ("<nav><p>The whole policy sits in a nav element on this page.</p></nav><p>x</p>", "kept a navigation"),
        ("<div hidden><p>Collapsed section one of the policy.</p></div><p>Intro</p>", "kept hidden elements"),
        ("<script>only()</script><style>x{}</style>", "no visible text"),
        ("<div class='hidden'><p>Shown on click</p></div>" + KEPT_P, "text hidden by a class name 12"),
        ("<div class='popup'><p>Join us</p></div>" + KEPT_P, "pop-up 6"),
        (
            "<div><a href='/'>Home</a> <a href='/shop'>Shop</a></div>" + KEPT_P,
            "left out 8 characters of page furniture (link list 8)",
        ),
        (
            "<div><p>Summary: we collect your email to run your account.</p></div>"
            "<div hidden><p>Summary: we collect your email to run your account.</p><p>More text.</p></div>",
            "hidden text that repeats visible paragraphs",
        ),
    ],
)
def test_warnings(source: str, warning_fragment: str) -> None:
    assert any(warning_fragment in warning for warning in html_to_text(source).warnings)


@pytest.mark.parametrize(
    "body_class",
    ["page two-column right-sidebar", "one-sidebar sidebar-first", "modal-open", "hidden"],
)
def test_layout_classes_on_body_are_no_furniture(body_class: str) -> None:
    result = html_to_text(f"<html><body class='{body_class}'>{KEPT_P}</body></html>")
    assert result.text == KEPT
    assert not any("kept a" in warning for warning in result.warnings)


# "privacy@example.org" XOR-ed with the key 0x42, as a CDN's e-mail protection writes it.
_PROTECTED = "4232302b3423213b02273a232f322e276c2d3025"


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            f"<p>Write to <a class='__cf_email__' href='/cdn-cgi/l/email-protection' data-cfemail='{_PROTECTED}'>"
            "[email&#160;protected]</a><script>decode()</script> today.</p>",
            "Write to privacy@example.org today.",
        ),
        (
            f"<p>Mail <a href='/cdn-cgi/l/email-protection#{_PROTECTED}'><span data-cfemail='{_PROTECTED}'>"
            "[email&#160;protected]</span></a>.</p>",
            "Mail privacy@example.org.",
        ),
        # Not an address once decoded, or not hex: the placeholder stays.
        ("<p>Mail <span data-cfemail='4232302b'>[email&#160;protected]</span>.</p>", "Mail [email protected]."),
        ("<p>Mail <span data-cfemail='zz'>[email&#160;protected]</span>.</p>", "Mail [email protected]."),
    ],
)
def test_protected_email_is_decoded(markup: str, expected: str) -> None:
    result = html_to_text(markup)
    assert result.text == expected
    if "@" in expected:
        # The address maps to the placeholder it replaces.
        at = result.text.index("privacy@")
        start = result.offsets.source_start(at)
        end = result.offsets.source_end(at + len("privacy@example.org"))
        assert markup[start:end] == "[email&#160;protected]"


_BODIES = (
    "<h2 id='s1'>What we keep</h2><p>We keep your name and email.</p>"
    "<h2 id='s2'>Why we keep it</h2><p>To run your account.</p>"
    "<h2 id='s3'>Your choices</h2><p>Write to us to close your account.</p>"
)


def test_list_of_sentences_with_in_page_links_is_no_table_of_contents() -> None:
    items = "".join(
        f"<li>We keep your name and email while your account is open; see <a href='#s{i}'>part {i}</a>.</li>"
        for i in (1, 2, 3)
    )
    result = html_to_text("<h1>Privacy Policy</h1><ul>" + items + "</ul>" + _BODIES)
    assert result.contents == []
    assert "see part 1." in result.text


@pytest.mark.parametrize(
    ("menu", "contents"),
    [
        # A list named like a menu whose links all lead into the page: the policy's table of
        # contents, kept and reported; its headings are entries, not section headings.
        (
            "<ol class='navigation'><li><h4><a href='#s1'>What we keep</a></h4></li>"
            "<li><h4><a href='#s2'>Why we keep it</a></h4></li><li><h4><a href='#s3'>Your choices</a></h4></li></ol>",
            "What we keep\n\nWhy we keep it\n\nYour choices",
        ),
        (
            "<ul class='page-nav'><li><a href='https://example.com/privacy#s1'>What we keep</a></li>"
            "<li><a href='https://example.com/privacy#s2'>Why we keep it</a></li>"
            "<li><a href='https://example.com/privacy#s3'>Your choices</a></li></ul>",
            "What we keep\nWhy we keep it\nYour choices",
        ),
        # Any list of three or more links into the page, with little else, is one too.
        (
            "<ul><li><a href='#s1'>What we keep</a></li><li><a href='#s2'>Why we keep it</a></li>"
            "<li><a href='#s3'>Your choices</a></li></ul>",
            "What we keep\nWhy we keep it\nYour choices",
        ),
        # A pair of skip links, a menu of other pages or of parts of other pages, is page furniture.
        (
            "<ul class='nav'><li><a href='/help#faq'>FAQ</a></li><li><a href='/help#returns'>Returns</a></li>"
            "<li><a href='/help#contact'>Contact</a></li></ul>",
            None,
        ),
        (
            "<ul class='skip-links'><li><a href='#main'>Skip to content</a></li><li><a href='#nav'>Menu</a></li></ul>",
            None,
        ),
        (
            "<ul class='main-menu'><li><a href='/shop'>Shop</a></li><li><a href='/help'>Help</a></li>"
            "<li><a href='/about#team'>Our team</a></li></ul>",
            None,
        ),
    ],
)
def test_menu_of_in_page_links_is_a_table_of_contents(menu: str, contents: str | None) -> None:
    result = html_to_text("<h1>Privacy Policy</h1>" + menu + _BODIES)
    assert [result.text[h.start : h.end] for h in result.headings] == [
        "Privacy Policy",
        "What we keep",
        "Why we keep it",
        "Your choices",
    ]
    if contents is None:
        assert result.contents == []
        assert result.text.startswith("Privacy Policy\n\nWhat we keep\n\nWe keep")
    else:
        assert [result.text[start:end].strip() for start, end in result.contents] == [contents]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "<h1>Privacy</h1><p>x</p><h2>1. Data</h2><p>y</p><h3>1.1 Email</h3>",
            [("Privacy", 1), ("1. Data", 2), ("1.1 Email", 3)],
        ),
        ("<h4>  spaced\n heading </h4>", [("spaced heading", 4)]),
        ("<div role='heading' aria-level='3'>Aria heading</div><p>x</p>", [("Aria heading", 3)]),
        ("<div role='heading'>Default level</div>", [("Default level", 2)]),
        ("<h2><a href='#a'>Linked</a> <b>title</b></h2>", [("Linked title", 2)]),
        ("<h2></h2><p>empty headings are not hints</p>", []),
    ],
)
def test_headings(source: str, expected: list[tuple[str, int]]) -> None:
    result = html_to_text(source)
    assert [(result.text[h.start : h.end], h.level) for h in result.headings] == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "<html><head><title> Privacy &amp; Cookies </title></head><body><h1>Other</h1></body></html>",
            "Privacy & Cookies",
        ),
        ("<body><h2>Not a title</h2><h1>First h1</h1></body>", "First h1"),
        ("<p>No title here</p>", None),
    ],
)
def test_title(source: str, expected: str | None) -> None:
    assert html_to_text(source).title == expected


@pytest.mark.parametrize("depth", [20_000])
def test_deep_nesting_keeps_text(depth: int) -> None:
    source = "<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth + "<p>after</p></body></html>"
    result = html_to_text(source)
    assert result.text == "deep text\n\nafter"
    assert_offsets_round_trip(source, result)


@pytest.mark.parametrize("depth", [20_000])
def test_deep_unclosed_nesting(depth: int) -> None:
    source = "<div><span>x " * depth
    result = html_to_text(source)
    assert result.text.split() == ["x"] * depth


@pytest.mark.parametrize(
    "source",
    [
        "<html><head><script>a()</script></head><body><script>b()</script><script>c()</script></body></html>",
        "",
        "   \n\t ",
        "<!-- only a comment -->",
    ],
)
def test_page_without_visible_text(source: str) -> None:
    result = html_to_text(source)
    assert result.text == ""
    assert result.headings == []


@pytest.mark.parametrize("seed", [0, 1])
def test_binary_garbage_does_not_crash(seed: int) -> None:
    import random

    rng = random.Random(seed)
    source = bytes(rng.randrange(256) for _ in range(50_000)).decode("latin-1")
    result = html_to_text(source)
    assert_offsets_round_trip(source, result)


@pytest.mark.parametrize("name", ["brightleaf_books.html", "northwind_fitness.html"])
def test_fixture_offsets_round_trip(name: str) -> None:
    source = (FIXTURES / name).read_text(encoding="utf-8")
    result = html_to_text(source)
    assert_offsets_round_trip(source, result)
    # The only warning is the summary of the furniture left out; nothing was guessed.
    assert [w for w in result.warnings if not w.startswith("left out ")] == []
    assert any(w.startswith("left out ") and "characters of page furniture" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("name", "must_keep", "must_drop"),
    [
        (
            "brightleaf_books.html",
            [
                "Privacy Notice",
                "Last updated: 3 March 2024",
                "Leeds & York",
                "IP address",
                "Order records\t6 years after the order",
                "privacy@brightleaf.example",
                "+44 113 496 0000",
                "the books you buy and your delivery preferences;",
                "Commissioner's Office",
            ],
            [
                "Skip to main content",
                "Shop",
                "We use cookies to make this site work",
                "Accept all",
                "Registered in England",
                "not text",
                "text-decoration",
            ],
        ),
        (
            "northwind_fitness.html",
            [
                "Effective date: January 15, 2023",
                "members & visitors",
                "(415) 555-0142",
                "Privacy@NorthwindFitness.example",
                "marketing e-mails.\nWe do not sell",
            ],
            [
                "Timetable",
                "Log in",
                "Internal note",
                "All rights reserved",
                "This website uses cookies",
                "_paq",
                "Legal",
            ],
        ),
    ],
)
def test_fixture_keeps_policy_and_drops_furniture(name: str, must_keep: list[str], must_drop: list[str]) -> None:
    text = html_to_text((FIXTURES / name).read_text(encoding="utf-8")).text
    for snippet in must_keep:
        assert snippet in text
    for snippet in must_drop:
        assert snippet not in text


@pytest.mark.parametrize(
    ("source", "expected_text", "expected_start", "expected_end"),
    [
        ("<p>A&amp;B</p>", "&", 4, 9),
        ("<p>a \n\n b</p>", " ", 4, 8),
        ("<p>x</p><p>y</p>", "\n\n", 11, 11),
    ],
)
def test_offsets_of_rewritten_characters(
    source: str, expected_text: str, expected_start: int, expected_end: int
) -> None:
    result = html_to_text(source)
    pos = result.text.index(expected_text)
    assert result.offsets.source_start(pos) == expected_start
    assert result.offsets.source_end(pos + len(expected_text)) == expected_end


def test_tree_failure_falls_back_to_token_conversion(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_parser(*args: object, **kwargs: object) -> None:
        raise ValueError("parser exploded")

    monkeypatch.setattr(html_module, "BeautifulSoup", broken_parser)
    source = "<title>T</title><script>x()</script><h1>Policy</h1><p>We collect <b>email</b>.</p><div hidden>no</div>"
    result = html_to_text(source)
    assert result.text == "Policy\n\nWe collect email."
    assert result.title == "T"
    assert [(h.start, h.end, h.level) for h in result.headings] == [(0, 6, 1)]
    assert any("without it" in warning for warning in result.warnings)
    assert_offsets_round_trip(source, result)


@pytest.mark.parametrize("megabytes", [1])
def test_large_page_is_read_whole_without_hanging(megabytes: int) -> None:
    # A hang guard, not a speed check (benchmarks/ measure speed): ~2 s/MB on a loaded
    # machine, so only a quadratic step would reach the budget.
    block = (
        "<div class='section'><h2>Heading &amp; more</h2><p>We collect your <b>email</b> address, "
        "IP&nbsp;address and <a href='/x'>browsing history</a> to run the service.</p>"
        "<ul><li>one</li><li>two</li></ul><script>var a = 1 < 2;</script></div>\n"
    )
    source = block * (megabytes * 1_000_000 // len(block))
    started = time.perf_counter()
    result = html_to_text(source)
    assert time.perf_counter() - started < 60
    assert result.text.count("We collect your email address") == source.count("<div class='section'>")


_MARKUP_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<b>",
        "</b>",
        "<br>",
        "<li>",
        "<ul>",
        "</ul>",
        "<table><tr><td>",
        "</td><td>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "&amp;",
        "&nbsp;",
        "&#169;",
        "&copy",
        "&",
        "<",
        ">",
        " ",
        "\n",
        "\r\n",
        "word",
        "é",
        "<h2>",
        "</h2>",
        "<a href='x>y'>",
        "</a>",
        "<pre>",
        "</pre>",
        "<div hidden>",
        "\x00",
        "<nav>",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_MARKUP_PIECES, max_size=40).map("".join))
def test_any_markup_round_trips(source: str) -> None:
    result = html_to_text(source)
    assert_offsets_round_trip(source, result)
    for hint in result.headings:
        assert 0 <= hint.start < hint.end <= len(result.text)
