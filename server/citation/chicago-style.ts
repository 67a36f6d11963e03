/**
 * A Chicago Manual of Style (17th edition) author-date style in CSL, limited to
 * the item types Entente produces: report, speech, article-newspaper and
 * document. The CSL processor ships only APA, Vancouver and Harvard, so the
 * style lives here, as a string so that it travels with the compiled code.
 *
 * Rules it follows (CMOS 17, chapter 15): first author inverted, others
 * "Given Family", "and" before the last with a serial comma; the year after the
 * author; book-like titles in italics, talks and articles in quotation marks,
 * both in headline case; the full date repeated after a talk's place or a
 * newspaper's name; an access date only when the work has no date; in-text
 * "(Author Year, page)" with "et al." from four authors.
 */
export const CHICAGO_AUTHOR_DATE_CSL = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US" demote-non-dropping-particle="display-and-sort" page-range-format="chicago">
  <info>
    <title>Chicago Manual of Style 17th edition (author-date), Entente item types</title>
    <id>entente-chicago-author-date</id>
    <category citation-format="author-date"/>
    <updated>2025-06-01T00:00:00+00:00</updated>
  </info>
  <macro name="title-bib">
    <choose>
      <if type="speech article-newspaper article-magazine article-journal" match="any">
        <text variable="title" text-case="title" quotes="true"/>
      </if>
      <else>
        <text variable="title" text-case="title" font-style="italic"/>
      </else>
    </choose>
  </macro>
  <macro name="title-short">
    <choose>
      <if type="speech article-newspaper article-magazine article-journal" match="any">
        <text variable="title" form="short" text-case="title" quotes="true"/>
      </if>
      <else>
        <text variable="title" form="short" text-case="title" font-style="italic"/>
      </else>
    </choose>
  </macro>
  <macro name="author-bib">
    <names variable="author">
      <name and="text" name-as-sort-order="first" sort-separator=", " delimiter=", " delimiter-precedes-last="always"/>
      <substitute>
        <names variable="editor"/>
        <text macro="title-bib"/>
      </substitute>
    </names>
  </macro>
  <macro name="author-short">
    <names variable="author">
      <name form="short" and="text" delimiter=", " delimiter-precedes-last="contextual"/>
      <substitute>
        <names variable="editor"/>
        <text macro="title-short"/>
      </substitute>
    </names>
  </macro>
  <macro name="year">
    <choose>
      <if variable="issued">
        <date variable="issued">
          <date-part name="year"/>
        </date>
      </if>
      <else>
        <text term="no date" form="short"/>
      </else>
    </choose>
  </macro>
  <macro name="issued-full">
    <date variable="issued">
      <date-part name="month" suffix=" "/>
      <date-part name="day" suffix=", "/>
      <date-part name="year"/>
    </date>
  </macro>
  <macro name="event-date-full">
    <choose>
      <if variable="event-date">
        <date variable="event-date">
          <date-part name="month" suffix=" "/>
          <date-part name="day" suffix=", "/>
          <date-part name="year"/>
        </date>
      </if>
      <else>
        <text macro="issued-full"/>
      </else>
    </choose>
  </macro>
  <macro name="details">
    <choose>
      <if type="speech">
        <group delimiter=", ">
          <text variable="genre" text-case="capitalize-first"/>
          <text variable="event-title"/>
          <text variable="publisher"/>
          <text variable="event-place"/>
          <text macro="event-date-full"/>
        </group>
      </if>
      <else-if type="article-newspaper article-magazine" match="any">
        <group delimiter=", ">
          <text variable="container-title" font-style="italic"/>
          <text macro="issued-full"/>
        </group>
      </else-if>
      <else>
        <group delimiter=". ">
          <text variable="genre" text-case="capitalize-first"/>
          <group delimiter=": ">
            <text variable="publisher-place"/>
            <text variable="publisher"/>
          </group>
        </group>
      </else>
    </choose>
  </macro>
  <macro name="access">
    <group delimiter=". ">
      <choose>
        <if variable="issued" match="none">
          <group delimiter=" ">
            <text term="accessed" text-case="capitalize-first"/>
            <date variable="accessed">
              <date-part name="month" suffix=" "/>
              <date-part name="day" suffix=", "/>
              <date-part name="year"/>
            </date>
          </group>
        </if>
      </choose>
      <text variable="URL"/>
    </group>
  </macro>
  <citation et-al-min="4" et-al-use-first="1" disambiguate-add-year-suffix="true" disambiguate-add-names="true" disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name">
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=", ">
        <group delimiter=" ">
          <text macro="author-short"/>
          <text macro="year"/>
        </group>
        <text variable="locator"/>
      </group>
    </layout>
  </citation>
  <bibliography hanging-indent="true" et-al-min="11" et-al-use-first="7" subsequent-author-substitute="———" entry-spacing="0">
    <sort>
      <key macro="author-bib"/>
      <key variable="issued"/>
    </sort>
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="author-bib"/>
        <text macro="year"/>
        <text macro="title-bib"/>
        <text macro="details"/>
        <text macro="access"/>
      </group>
    </layout>
  </bibliography>
</style>
`;
