import { ApiProperty } from '@nestjs/swagger';

export class CalendarFeedResponse {
  @ApiProperty({
    example: 'https://certpact.example/api/v1/calendar-feeds/3nq…x8.ics',
    description:
      'The private iCalendar feed: whoever has the URL sees the events, so keep it to yourself',
  })
  url: string;

  @ApiProperty({ format: 'date-time', description: 'When this URL was made' })
  createdAt: string;
}
