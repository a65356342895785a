// People who hold or held offices that make news, with the office's dates (from public record).
// name | country or body | office | from | to (empty: in office) | other names
// Office keys are those of `titlesData`; a person appears once per office held.
extension Lexicon {
    static let peopleData = """
        Donald Trump|USA|president|2017-01-20|2021-01-20|Trump;Donald J. Trump
        Donald Trump|USA|president|2025-01-20||Trump;Donald J. Trump
        Joe Biden|USA|president|2021-01-20|2025-01-20|Biden;Joseph Biden;Joseph R. Biden
        Barack Obama|USA|president|2009-01-20|2017-01-20|Obama
        Kamala Harris|USA|vice president|2021-01-20|2025-01-20|Harris
        JD Vance|USA|vice president|2025-01-20||Vance;J.D. Vance
        Mike Pence|USA|vice president|2017-01-20|2021-01-20|Pence
        Antony Blinken|USA|foreign minister|2021-01-26|2025-01-20|Blinken;Antony J. Blinken;Tony Blinken
        Marco Rubio|USA|foreign minister|2025-01-21||Rubio
        Mike Pompeo|USA|foreign minister|2018-04-26|2021-01-20|Pompeo
        Rex Tillerson|USA|foreign minister|2017-02-01|2018-03-31|Tillerson
        John Kerry|USA|foreign minister|2013-02-01|2017-01-20|Kerry
        Jake Sullivan|USA|national security adviser|2021-01-20|2025-01-20|Sullivan
        Mike Waltz|USA|national security adviser|2025-01-20|2025-05-01|Waltz
        John Bolton|USA|national security adviser|2018-04-09|2019-09-10|Bolton
        Robert O'Brien|USA|national security adviser|2019-09-18|2021-01-20|O'Brien
        Lloyd Austin|USA|defence minister|2021-01-22|2025-01-20|Austin
        Pete Hegseth|USA|defence minister|2025-01-25||Hegseth
        Jim Mattis|USA|defence minister|2017-01-20|2019-01-01|Mattis;James Mattis
        Janet Yellen|USA|finance minister|2021-01-26|2025-01-20|Yellen
        Scott Bessent|USA|finance minister|2025-01-28||Bessent
        Steve Witkoff|USA|envoy|2025-01-20||Witkoff
        Xi Jinping|CHN|president|2013-03-14||Xi
        Li Qiang|CHN|prime minister|2023-03-11||
        Li Keqiang|CHN|prime minister|2013-03-15|2023-03-11|
        Wang Yi|CHN|foreign minister|2013-03-16|2022-12-30|
        Wang Yi|CHN|foreign minister|2023-07-25||
        Qin Gang|CHN|foreign minister|2022-12-30|2023-07-25|Qin
        Dong Jun|CHN|defence minister|2023-12-29||
        Li Shangfu|CHN|defence minister|2023-03-12|2023-10-24|
        Wei Fenghe|CHN|defence minister|2018-03-19|2023-03-12|
        Zhang Youxia|CHN|military commander|2017-10-25||
        Yang Jiechi|CHN|top diplomat|2013-03-16|2022-10-23|
        Vladimir Putin|RUS|president|2012-05-07||Putin
        Vladimir Putin|RUS|president|2000-05-07|2008-05-07|Putin
        Dmitry Medvedev|RUS|president|2008-05-07|2012-05-07|Medvedev;Dmitri Medvedev
        Dmitry Medvedev|RUS|prime minister|2012-05-08|2020-01-16|Medvedev;Dmitri Medvedev
        Mikhail Mishustin|RUS|prime minister|2020-01-16||Mishustin
        Sergey Lavrov|RUS|foreign minister|2004-03-09||Lavrov;Sergei Lavrov
        Sergei Shoigu|RUS|defence minister|2012-11-06|2024-05-12|Shoigu;Sergey Shoigu
        Andrei Belousov|RUS|defence minister|2024-05-14||Belousov
        Dmitry Peskov|RUS|spokesperson|2012-05-22||Peskov
        Maria Zakharova|RUS|spokesperson|2015-08-10||Zakharova
        Volodymyr Zelensky|UKR|president|2019-05-20||Zelensky;Zelenskyy;Volodymyr Zelenskyy;Zelenskiy
        Petro Poroshenko|UKR|president|2014-06-07|2019-05-20|Poroshenko
        Dmytro Kuleba|UKR|foreign minister|2020-03-04|2024-09-05|Kuleba
        Andrii Sybiha|UKR|foreign minister|2024-09-05||Sybiha
        Keir Starmer|GBR|prime minister|2024-07-05||Starmer
        Rishi Sunak|GBR|prime minister|2022-10-25|2024-07-05|Sunak
        Liz Truss|GBR|prime minister|2022-09-06|2022-10-25|Truss
        Liz Truss|GBR|foreign minister|2021-09-15|2022-09-06|Truss
        Boris Johnson|GBR|prime minister|2019-07-24|2022-09-06|
        Theresa May|GBR|prime minister|2016-07-13|2019-07-24|
        David Lammy|GBR|foreign minister|2024-07-05|2025-09-05|Lammy
        Yvette Cooper|GBR|foreign minister|2025-09-05||
        David Cameron|GBR|foreign minister|2023-11-13|2024-07-05|Cameron
        James Cleverly|GBR|foreign minister|2022-09-06|2023-11-13|Cleverly
        Dominic Raab|GBR|foreign minister|2019-07-24|2021-09-15|Raab
        King Charles III|GBR|king|2022-09-08||King Charles
        Emmanuel Macron|FRA|president|2017-05-14||Macron
        Jean-Noel Barrot|FRA|foreign minister|2024-09-21||Barrot;Jean-Noël Barrot
        Stephane Sejourne|FRA|foreign minister|2024-01-11|2024-09-21|Sejourne;Stéphane Séjourné;Séjourné
        Catherine Colonna|FRA|foreign minister|2022-05-20|2024-01-11|Colonna
        Jean-Yves Le Drian|FRA|foreign minister|2017-05-17|2022-05-20|Le Drian
        Olaf Scholz|DEU|chancellor|2021-12-08|2025-05-06|Scholz
        Friedrich Merz|DEU|chancellor|2025-05-06||Merz
        Angela Merkel|DEU|chancellor|2005-11-22|2021-12-08|Merkel
        Annalena Baerbock|DEU|foreign minister|2021-12-08|2025-05-06|Baerbock
        Johann Wadephul|DEU|foreign minister|2025-05-06||Wadephul
        Frank-Walter Steinmeier|DEU|president|2017-03-19||Steinmeier
        Narendra Modi|IND|prime minister|2014-05-26||Modi
        Subrahmanyam Jaishankar|IND|foreign minister|2019-05-30||Jaishankar;S. Jaishankar;S Jaishankar
        Ajit Doval|IND|national security adviser|2014-05-30||Doval
        Rajnath Singh|IND|defence minister|2019-05-31||
        Droupadi Murmu|IND|president|2022-07-25||Murmu
        Ram Nath Kovind|IND|president|2017-07-25|2022-07-25|Kovind
        Shinzo Abe|JPN|prime minister|2012-12-26|2020-09-16|Abe
        Yoshihide Suga|JPN|prime minister|2020-09-16|2021-10-04|Suga
        Fumio Kishida|JPN|prime minister|2021-10-04|2024-10-01|Kishida
        Shigeru Ishiba|JPN|prime minister|2024-10-01|2025-10-21|Ishiba
        Sanae Takaichi|JPN|prime minister|2025-10-21||Takaichi
        Yoshimasa Hayashi|JPN|foreign minister|2021-11-10|2023-09-13|Hayashi
        Yoko Kamikawa|JPN|foreign minister|2023-09-13|2024-10-01|Kamikawa
        Takeshi Iwaya|JPN|foreign minister|2024-10-01|2025-10-21|Iwaya
        Yoon Suk Yeol|KOR|president|2022-05-10|2025-04-04|Yoon
        Lee Jae-myung|KOR|president|2025-06-04||
        Moon Jae-in|KOR|president|2017-05-10|2022-05-10|Moon
        Kim Jong Un|PRK|leader|2011-12-17||Kim Jong-un;Kim Jong-Un;Kim Jong Un
        Benjamin Netanyahu|ISR|prime minister|2009-03-31|2021-06-13|Netanyahu;Bibi Netanyahu
        Benjamin Netanyahu|ISR|prime minister|2022-12-29||Netanyahu;Bibi Netanyahu
        Naftali Bennett|ISR|prime minister|2021-06-13|2022-06-30|Bennett
        Yair Lapid|ISR|prime minister|2022-07-01|2022-12-29|Lapid
        Isaac Herzog|ISR|president|2021-07-07||Herzog
        Gideon Saar|ISR|foreign minister|2024-11-05||Saar;Gideon Sa'ar
        Recep Tayyip Erdogan|TUR|president|2014-08-28||Erdogan;Tayyip Erdogan;Erdoğan;Recep Tayyip Erdoğan
        Hakan Fidan|TUR|foreign minister|2023-06-04||Fidan
        Mevlut Cavusoglu|TUR|foreign minister|2015-11-24|2023-06-04|Cavusoglu;Mevlüt Çavuşoğlu
        Ali Khamenei|IRN|leader|1989-06-04||Khamenei;Ayatollah Ali Khamenei
        Hassan Rouhani|IRN|president|2013-08-03|2021-08-03|Rouhani
        Ebrahim Raisi|IRN|president|2021-08-03|2024-05-19|Raisi
        Masoud Pezeshkian|IRN|president|2024-07-28||Pezeshkian
        Abbas Araghchi|IRN|foreign minister|2024-08-21||Araghchi
        Hossein Amir-Abdollahian|IRN|foreign minister|2021-08-25|2024-05-19|Amir-Abdollahian;Amirabdollahian
        Mohammad Javad Zarif|IRN|foreign minister|2013-08-15|2021-08-25|Zarif
        Mohammed bin Salman|SAU|prime minister|2022-09-27||MBS;Crown Prince Mohammed bin Salman
        King Salman|SAU|king|2015-01-23||Salman bin Abdulaziz
        Faisal bin Farhan|SAU|foreign minister|2019-10-23||Prince Faisal bin Farhan
        Luiz Inacio Lula da Silva|BRA|president|2023-01-01||Lula;Luiz Inácio Lula da Silva;Lula da Silva
        Jair Bolsonaro|BRA|president|2019-01-01|2022-12-31|Bolsonaro
        Mauro Vieira|BRA|foreign minister|2023-01-01||
        Justin Trudeau|CAN|prime minister|2015-11-04|2025-03-14|Trudeau
        Mark Carney|CAN|prime minister|2025-03-14||Carney
        Melanie Joly|CAN|foreign minister|2021-10-26|2025-05-13|Joly;Mélanie Joly
        Anthony Albanese|AUS|prime minister|2022-05-23||Albanese
        Scott Morrison|AUS|prime minister|2018-08-24|2022-05-23|Morrison
        Penny Wong|AUS|foreign minister|2022-05-23||
        Giorgia Meloni|ITA|prime minister|2022-10-22||Meloni
        Antonio Tajani|ITA|foreign minister|2022-10-22||Tajani
        Claudia Sheinbaum|MEX|president|2024-10-01||Sheinbaum
        Andres Manuel Lopez Obrador|MEX|president|2018-12-01|2024-09-30|Lopez Obrador;López Obrador;Andrés Manuel López Obrador;AMLO
        Cyril Ramaphosa|ZAF|president|2018-02-15||Ramaphosa
        Joko Widodo|IDN|president|2014-10-20|2024-10-20|Jokowi;Widodo
        Prabowo Subianto|IDN|president|2024-10-20||Prabowo
        Retno Marsudi|IDN|foreign minister|2014-10-27|2024-10-20|Marsudi
        Javier Milei|ARG|president|2023-12-10||Milei
        Shehbaz Sharif|PAK|prime minister|2024-03-04||Sharif;Shahbaz Sharif
        Imran Khan|PAK|prime minister|2018-08-18|2022-04-10|
        Abdel Fattah el-Sisi|EGY|president|2014-06-08||Sisi;el-Sisi;al-Sisi;Abdel Fattah al-Sisi
        Nicolas Maduro|VEN|president|2013-04-19||Maduro;Nicolás Maduro
        Irfaan Ali|GUY|president|2020-08-02||Mohamed Irfaan Ali
        Sher Bahadur Deuba|NPL|prime minister|2021-07-13|2022-12-26|Deuba
        Narayan Khadka|NPL|foreign minister|2021-10-22|2022-12-26|Khadka
        Tamim bin Hamad Al Thani|QAT|king|2013-06-25||Sheikh Tamim;Emir Tamim
        Viktor Orban|HUN|prime minister|2010-05-29||Orban;Viktor Orbán;Orbán
        Donald Tusk|POL|prime minister|2023-12-13||Tusk
        Andrzej Duda|POL|president|2015-08-06|2025-08-06|Duda
        Alexander Lukashenko|BLR|president|1994-07-20||Lukashenko
        Bashar al-Assad|SYR|president|2000-07-17|2024-12-08|Assad
        Ahmed al-Sharaa|SYR|president|2025-01-29||al-Sharaa
        Ferdinand Marcos Jr.|PHL|president|2022-06-30||Marcos;Bongbong Marcos
        Rodrigo Duterte|PHL|president|2016-06-30|2022-06-30|Duterte
        Lai Ching-te|TWN|president|2024-05-20||
        Tsai Ing-wen|TWN|president|2016-05-20|2024-05-20|Tsai
        Antonio Guterres|UN|secretary-general|2017-01-01||Guterres;António Guterres
        Ban Ki-moon|UN|secretary-general|2007-01-01|2016-12-31|
        Ursula von der Leyen|EU|president|2019-12-01||von der Leyen
        Charles Michel|EU|president|2019-12-01|2024-11-30|
        Antonio Costa|EU|president|2024-12-01||António Costa
        Josep Borrell|EU|foreign minister|2019-12-01|2024-11-30|Borrell
        Kaja Kallas|EU|foreign minister|2024-12-01||Kallas
        Jens Stoltenberg|NATO|secretary-general|2014-10-01|2024-10-01|Stoltenberg
        Mark Rutte|NATO|secretary-general|2024-10-01||Rutte
        Mark Rutte|NLD|prime minister|2010-10-14|2024-07-02|Rutte
        Rafael Grossi|IAEA|secretary-general|2019-12-03||Grossi;Rafael Mariano Grossi
        """
}
