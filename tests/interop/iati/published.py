# ruff: noqa: E501  (XML written as publishers write it: one element a line)
"""IATI files written for the tests, reproducing structures that real publishers' files have.

Every value here is made up; the structures are what files from aid agencies, development
banks, NGOs and d-portal downloads contain: no version attribute, upper-case xml:lang codes,
d-portal's own attributes, titles and descriptions only in Spanish or Dutch, a description of
type 2 only, participating organisations without refs, titles over 300 characters, text
baselines, transactions with the letter codes of IATI 1.x, values in another currency than
the activity's default, budgets and planned disbursements without flow or finance types,
results with text targets and actuals.
"""

from __future__ import annotations

LONG_TITLE = (
    "Programa de fortalecimiento de la resiliencia de las comunidades rurales frente a las "
    "crisis sanitarias y climaticas mediante el acceso a agua potable, saneamiento basico, "
    "servicios de salud primaria y medios de vida sostenibles en las provincias del norte, "
    "con especial atencion a mujeres, jovenes y poblaciones indigenas en situacion de "
    "vulnerabilidad extrema, fase dos"
)


def activity_es(identifier: str = "XM-EXAMPLE-1-ES-0007") -> str:
    """Spanish-only texts, no refs on two participants, letter codes, a text baseline."""
    return f"""
  <iati-activity default-currency="EUR" last-updated-datetime="2021-03-04T10:00:00"
      xmlns:dportal="http://d-portal.org/xmlns" dportal:version="2.01" dportal:slug="es-7">
    <iati-identifier>{identifier}</iati-identifier>
    <reporting-org ref="XM-EXAMPLE-1" type="10"><narrative xml:lang="ES">Agencia Ejemplo</narrative></reporting-org>
    <title><narrative xml:lang="ES">{LONG_TITLE}</narrative></title>
    <description type="2"><narrative xml:lang="ES">Reducir la mortalidad infantil.</narrative></description>
    <participating-org role="1" ref="JP-EXAMPLE-FUND" type="10"><narrative xml:lang="EN">Example Fund of Japan</narrative></participating-org>
    <participating-org role="4"><narrative xml:lang="ES">Cooperativa Agua Limpia</narrative></participating-org>
    <participating-org role="3"><narrative>Red de Salud Rural</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date type="1" iso-date="2020-05-01"/>
    <activity-date type="3" iso-date="2023-12-31"/>
    <recipient-country code="bo" percentage="100"/>
    <location ref="LOC-1"><name><narrative xml:lang="ES">Potosi</narrative></name><point srsName="http://www.opengis.net/def/crs/EPSG/0/4326"><pos>-19.58 -65.75</pos></point><exactness code="2"/></location>
    <sector vocabulary="1" code="14030" percentage="60"/>
    <sector vocabulary="1" code="12220" percentage="40"/>
    <budget type="1" status="2">
      <period-start iso-date="2020-05-01"/><period-end iso-date="2021-04-30"/>
      <value currency="EUR" value-date="2020-05-01">250000</value>
    </budget>
    <budget type="1" status="2">
      <period-start iso-date="2021-05-01"/><period-end iso-date="2022-04-30"/>
      <value value-date="2021-05-01">300000.50</value>
    </budget>
    <planned-disbursement type="1">
      <period-start iso-date="2020-06-01"/>
      <value currency="USD" value-date="2020-06-01">120000</value>
    </planned-disbursement>
    <transaction><transaction-type code="C"/><transaction-date iso-date="2020-05-10"/>
      <value value-date="2020-05-10">550000.50</value></transaction>
    <transaction><transaction-type code="D"/><transaction-date iso-date="2020-07-01"/>
      <value currency="USD" value-date="2020-06-28">80000</value></transaction>
    <transaction><transaction-type code="E"/><transaction-date iso-date="2020-09-01"/>
      <value value-date="2020-09-01">-1500.25</value></transaction>
    <document-link url="https://example.org/doc/es-7.pdf" format="application/pdf">
      <title><narrative xml:lang="ES">Documento del proyecto</narrative></title>
      <category code="A02"/><language code="ES"/><document-date iso-date="2020-04-01"/>
    </document-link>
    <result type="2">
      <title><narrative xml:lang="ES">Acceso a agua potable</narrative></title>
      <indicator measure="1" ascending="1">
        <title><narrative xml:lang="ES">Hogares con agua potable</narrative></title>
        <baseline year="2019" value="1200"/>
        <period><period-start iso-date="2021-01-01"/><period-end iso-date="2021-12-31"/>
          <target value="2000"/><actual value="1850"/></period>
      </indicator>
      <indicator measure="5">
        <title><narrative xml:lang="ES">Comite de agua constituido</narrative></title>
        <baseline year="2019" iso-date="2019-06-30" value="No"/>
        <period><period-start iso-date="2021-01-01"/><period-end iso-date="2021-12-31"/>
          <target value="Si"/><actual value="En curso"/></period>
      </indicator>
    </result>
  </iati-activity>"""


def activity_nl(identifier: str = "NL-KVK-00000000-NL-42") -> str:
    """Dutch-only title, a JP- and an RU- participant, numeric transaction codes."""
    return f"""
  <iati-activity default-currency="USD">
    <iati-identifier>{identifier}</iati-identifier>
    <reporting-org ref="NL-KVK-00000000" type="21"><narrative>Voorbeeld Stichting</narrative></reporting-org>
    <title><narrative xml:lang="NL">Schoon water voor scholen</narrative></title>
    <description type="1"><narrative xml:lang="NL">Waterpunten bij twintig scholen.</narrative></description>
    <participating-org role="2" ref="RU-OGRN-0000000000000" type="70"><narrative xml:lang="RU">Пример ООО</narrative></participating-org>
    <participating-org role="4" ref="JP-CN-0000000000000" type="70"><narrative xml:lang="JA">例株式会社</narrative></participating-org>
    <activity-status code="3"/>
    <activity-date type="2" iso-date="2019-01-15"/>
    <transaction><transaction-type code="11"/><transaction-date iso-date="2019-01-20"/>
      <value value-date="2019-01-20">40000</value></transaction>
    <transaction><transaction-type code="4"/><transaction-date iso-date="2019-03-20"/>
      <value currency="EUR" value-date="2019-03-20">12500.75</value></transaction>
  </iati-activity>"""


def activities_file(*activities: str, version: str | None = None, lang: str | None = None) -> bytes:
    attrs = ' generated-datetime="2021-03-05T00:00:00Z"'
    if version:
        attrs += f' version="{version}"'
    if lang:
        attrs += f' xml:lang="{lang}"'
    body = "".join(activities)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities{attrs}>{body}\n</iati-activities>\n'.encode()
